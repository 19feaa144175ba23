/**
 * The keys under which a hand-written statement returns a table's columns (`<prefix><column>`),
 * built once per prefix. A row mapper that spelled `${prefix}name` for each column of each row
 * built, and hashed, a new string every time: hundreds per request on a page of 50 rows.
 */
export function prefixedColumns<C extends string>(columns: readonly C[]): (prefix: string) => Readonly<Record<C, string>> {
  const byPrefix = new Map<string, Record<C, string>>();
  return (prefix) => {
    let keys = byPrefix.get(prefix);
    if (!keys) byPrefix.set(prefix, (keys = Object.fromEntries(columns.map((c) => [c, `${prefix}${c}`])) as Record<C, string>));
    return keys;
  };
}
