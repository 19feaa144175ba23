import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client selected `field` directly under this resolver's field (through fragments
 * too). Used to skip work nobody asked for, such as counting a whole connection for totalCount.
 */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === field;
      if (s.kind === 'InlineFragment') return visit(s.selectionSet);
      return visit(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/**
 * The names of the fields selected at `path` below this field (e.g. ['edges', 'node']), through
 * fragments. A field under @skip or @include counts as selected: callers use this to read less,
 * and reading more than needed is only slower.
 */
export function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (depth === path.length) names.add(s.name.value);
        else if (s.name.value === path[depth]) visit(s.selectionSet, depth + 1);
      } else visit(s.kind === 'InlineFragment' ? s.selectionSet : info.fragments[s.name.value]?.selectionSet, depth);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
  return names;
}

/**
 * How much of each row a page reads: 'named' when every field selected at `path` is one the
 * fewest columns answer (`named`, where a row has such a level), else 'listed' when each is one a
 * listing's columns answer (`listed`), else 'full'.
 */
export function columnsFor(info: GraphQLResolveInfo, path: readonly string[], listed: ReadonlySet<string>): 'listed' | 'full';
export function columnsFor(info: GraphQLResolveInfo, path: readonly string[], listed: ReadonlySet<string>, named: ReadonlySet<string>): 'named' | 'listed' | 'full';
export function columnsFor(info: GraphQLResolveInfo, path: readonly string[], listed: ReadonlySet<string>, named?: ReadonlySet<string>): 'named' | 'listed' | 'full' {
  let level: 'named' | 'listed' = named ? 'named' : 'listed';
  for (const field of fieldsAt(info, path)) {
    if (!listed.has(field)) return 'full';
    if (level === 'named' && !named!.has(field)) level = 'listed';
  }
  return level;
}
