import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * What `toISOString` answers, for a valid Date. Years of four digits are written from the Date's
 * UTC fields: V8's `toISOString` leaves JavaScript for the runtime on every call, which made it
 * the largest single item of a queue page's own code (fifty timestamps), at twice this one's time.
 */
export function isoString(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString();
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}.${pad3(date.getUTCMilliseconds())}Z`;
}

/**
 * `DateTime` (ISO-8601) and `JSONObject`, the two custom scalars of API.md.
 *
 * graphql-scalars' DateTime validates and answers with a Date, which JSON.stringify turns into the
 * same ISO string through `toJSON` — off its fast path, for every timestamp of every page. This one
 * hands back that string itself.
 */
export const DateTimeScalar = new GraphQLScalarType(
  Object.assign({}, DateTimeResolver.toConfig(), {
    // A valid Date (what every entity holds) goes out at once; anything else takes
    // graphql-scalars' checks and coercions.
    serialize: (value: unknown) => isoString(value instanceof Date && !Number.isNaN(value.getTime()) ? value : (DateTimeResolver.serialize(value) as Date)),
  }),
);
export const JSONObjectScalar = JSONObjectResolver;

export const SCALARS_MAP = [{ type: Date, scalar: DateTimeScalar }];
