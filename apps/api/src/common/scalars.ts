import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';

/** `DateTime` (ISO-8601) and `JSONObject`, the two custom scalars of API.md. */
export const DateTimeScalar = DateTimeResolver;
export const JSONObjectScalar = JSONObjectResolver;

export const SCALARS_MAP = [{ type: Date, scalar: DateTimeScalar }];
