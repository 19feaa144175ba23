/**
 * The tallies PostgreSQL applies as each transaction commits (member_tally, request_tally:
 * migrations MemberTally, RequestTallyAtCommit) are told of a statement's changes through a
 * `<tally>_change` table, under the writing transaction's id, until its commit applies them. A
 * transaction that reads a tally before it commits adds its own notes: SQL for the sum of
 * `column` over this transaction's notes in `table` that `conditions` pick (alias `c`), 0 when
 * it has written nothing. PostgreSQL only; SQLite's triggers change the tallies at once.
 */
export function ownTallyNotesSql(table: string, column: string, conditions: readonly string[]): string {
  const picked = conditions.map((c) => ` AND ${c}`).join('');
  return `COALESCE((SELECT SUM(c.${column}) FROM ${table} c WHERE c.tx = txid_current_if_assigned()${picked}), 0)`;
}
