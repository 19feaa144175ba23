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
