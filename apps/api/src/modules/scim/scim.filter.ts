import { parse, type Filter } from 'scim2-parse-filter';
import { SCHEMA, scimErrors } from './scim.protocol';

/**
 * SCIM filters (RFC 7644 §3.4.2.2) and PATCH paths (§3.5.2). Parsing is scim2-parse-filter's;
 * what Gatehouse answers is narrower (SPEC §19): `eq` on a few attributes, joined by `and`/`or`.
 * Anything else is refused as `invalidFilter`, never guessed at.
 */

/** A filter reduced to what the repositories can answer: `eq` leaves on known attributes. */
export type Condition =
  | { op: 'eq'; attr: string; value: string | boolean }
  | { op: 'and' | 'or'; filters: Condition[] };

const MAX_FILTER_LENGTH = 2000;

/** Strips a core schema URN prefix (`urn:…:core:2.0:User:userName` → `userName`). */
function bareAttr(path: string, schema: string): string {
  const prefix = `${schema}:`;
  return path.toLowerCase().startsWith(prefix.toLowerCase()) ? path.slice(prefix.length) : path;
}

function parseOrRefuse(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) throw scimErrors.invalidFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  try {
    return parse(text);
  } catch {
    throw scimErrors.invalidFilter('The filter could not be parsed.');
  }
}

/**
 * Parses `filter` into conditions on `allowed` (lower-cased attribute name → canonical name).
 * `emails[value eq "x"]` is read as `emails.value eq "x"`.
 */
export function parseFilter(text: string, schema: string, allowed: Record<string, string>): Condition {
  const reduce = (f: Filter, prefix = ''): Condition => {
    switch (f.op) {
      case 'and':
      case 'or':
        return { op: f.op, filters: f.filters.map((x) => reduce(x, prefix)) };
      case '[]':
        if (prefix) throw scimErrors.invalidFilter('Nested value filters are not supported.');
        return reduce(f.valFilter, `${bareAttr(f.attrPath, schema)}.`);
      case 'eq': {
        const name = `${prefix}${bareAttr(f.attrPath, schema)}`;
        const canonical = allowed[name.toLowerCase()];
        if (!canonical) throw scimErrors.invalidFilter(`Filtering on "${name}" is not supported; use ${Object.values(allowed).join(', ')}.`);
        if (typeof f.compValue !== 'string' && typeof f.compValue !== 'boolean') {
          throw scimErrors.invalidFilter(`"${name}" is compared with a string.`);
        }
        return { op: 'eq', attr: canonical, value: f.compValue };
      }
      default:
        throw scimErrors.invalidFilter(`The operator "${f.op}" is not supported; use eq, and, or.`);
    }
  };
  if (!text.trim()) throw scimErrors.invalidFilter('The filter is empty.');
  return reduce(parseOrRefuse(text));
}

/** A parsed PATCH path: `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, with an optional schema URN. */
export interface PatchPath {
  /** The schema the attribute belongs to (the core one unless a URN said otherwise). */
  schema: string;
  /** Lower-cased attribute name. */
  attr: string;
  /** Lower-cased sub-attribute, if any. */
  sub: string | null;
  /** The element filter of a multi-valued attribute, if any. */
  filter: Filter | null;
}

const PATH = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

/** Parses a PATCH `path` relative to `core` (and the `extensions` a resource may carry). */
export function parsePath(raw: unknown, core: string, extensions: readonly string[] = []): PatchPath {
  if (typeof raw !== 'string' || !raw.trim() || raw.length > 500) throw scimErrors.invalidPath('The path must be a non-empty attribute path.');
  let rest = raw.trim();
  let schema = core;
  for (const urn of [core, ...extensions]) {
    if (rest.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) {
      schema = urn;
      rest = rest.slice(urn.length + 1);
      break;
    }
  }
  const m = PATH.exec(rest);
  if (!m) throw scimErrors.invalidPath(`The path "${raw}" is not an attribute path.`);
  let sub = m[3]?.toLowerCase() ?? null;
  let attr = m[1]!.toLowerCase();
  if (!m[2] && !sub && attr.includes('.')) [attr, sub] = attr.split('.', 2) as [string, string];
  return { schema, attr, sub, filter: m[2] ? parseOrRefuse(m[2]) : null };
}

/**
 * Whether a multi-valued attribute's element matches a path filter (`type eq "work"`,
 * `value eq "…"`): `eq` (strings compared ignoring case), `and`, `or`, `pr`.
 */
export function matchesElement(element: unknown, f: Filter): boolean {
  if (typeof element !== 'object' || element === null) return false;
  const get = (path: string): unknown => {
    const key = Object.keys(element).find((k) => k.toLowerCase() === path.toLowerCase());
    return key === undefined ? undefined : (element as Record<string, unknown>)[key];
  };
  switch (f.op) {
    case 'and':
      return f.filters.every((x) => matchesElement(element, x));
    case 'or':
      return f.filters.some((x) => matchesElement(element, x));
    case 'pr':
      return get(f.attrPath) !== undefined && get(f.attrPath) !== null;
    case 'eq': {
      const v = get(f.attrPath);
      return typeof v === 'string' && typeof f.compValue === 'string' ? v.toLowerCase() === f.compValue.toLowerCase() : v === f.compValue;
    }
    default:
      throw scimErrors.invalidFilter(`The operator "${f.op}" is not supported in a path; use eq, and, or, pr.`);
  }
}

/** The member ids a `members[value eq "…"]` path names (or-joined equalities), or null if it is not that shape. */
export function memberIdsOfFilter(f: Filter): string[] | null {
  if (f.op === 'or') {
    const parts = f.filters.map(memberIdsOfFilter);
    return parts.every((p) => p !== null) ? parts.flat() as string[] : null;
  }
  if (f.op === 'eq' && f.attrPath.toLowerCase() === 'value' && typeof f.compValue === 'string') return [f.compValue];
  return null;
}

export { SCHEMA };
