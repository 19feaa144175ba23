import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';

/**
 * `DateTime` (ISO-8601) and `JSONObject`, the two custom scalars of API.md.
 *
 * graphql-scalars' DateTime validates and answers with a Date, which JSON.stringify turns into the
 * same ISO string through `toJSON` — off its fast path, for every timestamp of every page. This one
 * hands back that string itself.
 */
export const DateTimeScalar = new GraphQLScalarType(
  Object.assign({}, DateTimeResolver.toConfig(), {
    serialize: (value: unknown) => (DateTimeResolver.serialize(value) as Date).toISOString(),
  }),
);
export const JSONObjectScalar = JSONObjectResolver;

export const SCALARS_MAP = [{ type: Date, scalar: DateTimeScalar }];
