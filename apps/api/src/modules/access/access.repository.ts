import type { EntityManager } from 'typeorm';
import { coalescer } from '../../db/coalesce';
import { limitSql, rawQuery, shapedStatement } from '../../db/raw-sql';
import { toDate } from '../../db/timestamp';
import { currentGrantSql } from '../resources/current-grant';
import { ResourceEntity, type Visibility } from '../resources/resource.entity';
import { currentMembershipSql } from '../memberships/current';
import { EPOCH_SQL } from './access-epoch';
import type { GrantPath, LevelRow } from './access.rule';

/**
 * The access engine's named statements: every read of access facts that an answer is built from
 * (the rule they feed is access.rule.ts). Each is sent under a fixed name (rawQuery), so
 * PostgreSQL plans it once per connection.
 */

/** A path as the statement returns it: both expiries, as the driver gives them. */
interface Row extends Omit<GrantPath, 'expiresAt'> {
  grantExpires: Date | string | null;
  memberExpires: Date | string | null;
}

/**
 * Every *current* grant path for the given users on the given resources, in one query: grants
 * naming the user, and grants naming a group the user is a current member of. Expired grants and
 * expired memberships are excluded here, in SQL, so nothing stale is ever counted.
 */
export async function grantPaths(
  manager: EntityManager,
  userIds: readonly string[],
  resourceIds: readonly string[],
  now = new Date(),
): Promise<GrantPath[]> {
  if (userIds.length === 0 || resourceIds.length === 0) return [];
  const rows = await rawQuery<Row>(
    manager,
    `SELECT g.user_id AS "userId", g.resource_id AS "resourceId", 'USER_GRANT' AS "kind", g.level AS "level",
            g.id AS "grantId", NULL AS "groupId", g.expires_at AS "grantExpires", NULL AS "memberExpires"
       FROM access_grant g
      WHERE g.user_id IN (:...userIds) AND g.resource_id IN (:...resourceIds)
        AND ${currentGrantSql('g')}
     UNION ALL
     SELECT m.user_id, g.resource_id, 'GROUP_GRANT', g.level, g.id, g.group_id, g.expires_at, m.expires_at
       FROM access_grant g
       JOIN membership m ON m.group_id = g.group_id
      WHERE m.user_id IN (:...userIds) AND g.resource_id IN (:...resourceIds)
        AND ${currentGrantSql('g')}
        AND ${currentMembershipSql('m')}`,
    { userIds: [...userIds], resourceIds: [...resourceIds], now },
  );
  return rows.map((r) => {
    const grant = toDate(r.grantExpires);
    const member = toDate(r.memberExpires);
    const expiresAt = grant && member ? (grant < member ? grant : member) : (grant ?? member);
    return { userId: r.userId, resourceId: r.resourceId, kind: r.kind, level: r.level, grantId: r.grantId, groupId: r.groupId, expiresAt };
  });
}

const RANK_SQL = "MAX(CASE g.level WHEN 'WRITE' THEN 2 ELSE 1 END)";

/**
 * The best current grant on resource `r` that reaches user `u`: a grant naming `u`, or a grant to a
 * group `u` is a current member of. ONE index-only scan of the resource's grants (IX_grant_resource);
 * a user grant is matched in the index row itself, and each group grant probes the membership
 * primary key (user, group). Written as a scalar subquery per grant on purpose: as a join or
 * EXISTS, PostgreSQL reads and sorts the user's whole membership list instead (twice the cost at
 * 1M grants). The CASE keeps the probe away from user grants.
 */
const bestGrantSql = (r: string, u: string) =>
  `(SELECT ${RANK_SQL} FROM access_grant g
     WHERE g.resource_id = ${r} AND ${currentGrantSql('g')}
       AND CASE WHEN g.group_id IS NULL THEN g.user_id = ${u}
                ELSE (SELECT 1 FROM membership m
                       WHERE m.user_id = ${u} AND m.group_id = g.group_id AND ${currentMembershipSql('m')}) = 1 END)`;

const FACT_COLUMNS = (r: string, u: string) =>
  `r.id AS "resourceId", r.owner_id AS "ownerId", r.visibility AS "visibility",
   u.is_active AS "isActive", u.is_admin AS "isAdmin", ${bestGrantSql(r, u)} AS "bestGrant"`;

/** Ids that cannot name a row still get an answer (NONE); the nil UUID names nobody. */
export const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The hot path of checkAccess / accessLevel: everything SPEC §11 needs for one (user, resource) in
 * ONE query — the resource, the user, and the best current user grant and group grant — each an
 * index probe whose cost depends on this resource's grants, never on table size. Returns null for
 * an unknown resource. explainFrom() applies the same rule to the full paths; a property test
 * keeps them equal.
 */
export async function levelFacts(manager: EntityManager, userId: string, resourceId: string, now = new Date()): Promise<LevelRow | null> {
  const rows = await rawQuery<LevelRow>(
    manager,
    `SELECT ${FACT_COLUMNS('r.id', ':uid')}
       FROM resource r LEFT JOIN user_account u ON u.id = :uid
      WHERE r.id = :rid`,
    { uid: userId, rid: resourceId, now },
    'gh_level_facts',
  );
  return rows[0] ?? null;
}

/**
 * levelFacts for many (user, resource) pairs in ONE query, in the order asked (the bulk check).
 * PostgreSQL takes the pairs as two arrays (one statement text whatever their number; it is still
 * planned per call, as array parameters are — see raw-sql.ts, inFixedList); SQLite as a JSON array. A pair whose resource is unknown comes back with `resourceId` null.
 */
export async function levelFactsMany(manager: EntityManager, pairs: readonly { userId: string; resourceId: string }[], now = new Date()): Promise<LevelRow[]> {
  if (pairs.length === 0) return [];
  const postgres = manager.connection.options.type === 'postgres';
  const source = postgres
    ? 'unnest(CAST(:uids AS uuid[]), CAST(:rids AS uuid[])) WITH ORDINALITY AS q(uid, rid, ord)'
    : "(SELECT CAST(key AS INTEGER) AS ord, json_extract(value, '$[0]') AS uid, json_extract(value, '$[1]') AS rid FROM json_each(:pairs)) q";
  const rows = await rawQuery<LevelRow & { ord: number | string }>(
    manager,
    `SELECT q.ord AS "ord", ${FACT_COLUMNS('r.id', 'q.uid')}
       FROM ${source}
       LEFT JOIN resource r ON r.id = q.rid
       LEFT JOIN user_account u ON u.id = q.uid`,
    postgres
      ? { uids: pairs.map((p) => p.userId), rids: pairs.map((p) => p.resourceId), now }
      : { pairs: JSON.stringify(pairs.map((p) => [p.userId, p.resourceId])), now },
    'gh_level_facts_many',
  );
  // PostgreSQL counts from 1, SQLite's json_each from 0.
  const base = postgres ? 1 : 0;
  const ordered = new Array<LevelRow>(pairs.length);
  for (const row of rows) ordered[Number(row.ord) - base] = row;
  return ordered;
}

/**
 * levelFacts as checkAccess / accessLevel ask it: coalesced across the requests that arrive
 * together (db/coalesce.ts), so under load N single checks cost one levelFactsMany statement
 * instead of N round trips. A lone question still takes levelFacts' primary-key plan.
 */
export function levelFactsCoalesced(manager: EntityManager, userId: string, resourceId: string): Promise<LevelRow | null> {
  return coalescer<{ userId: string; resourceId: string }, LevelRow | null>(manager.connection, 'levelFacts', async (pairs) => {
    const reader = manager.connection.manager;
    if (pairs.length === 1) return [await levelFacts(reader, pairs[0]!.userId, pairs[0]!.resourceId)];
    return (await levelFactsMany(reader, pairs)).map((row) => (row.resourceId ? row : null));
  }).load({ userId, resourceId });
}

export interface ReachQuery {
  userId: string;
  minLevel: 'READ' | 'WRITE';
  kind: string | null;
  /** A LIKE pattern over name_key (already escaped), or null. */
  namePattern: string | null;
  /** (kind, name_key, id) of the last row of the previous page. */
  after: [string, string, string] | null;
  limit: number;
  /** Count the whole reachable set too (only when the client asked for totalCount). */
  withTotal: boolean;
  /**
   * 'listed': only what the page's own indexes hold (id, kind, name, nameKey) — what a listing asks
   * for, read without visiting one resource row per entry; 'full' (default): whole resources.
   */
  columns?: ReachColumns;
  /** Where the user's current groups come from when the page needs them (the access cache); else read here. */
  groups?: (fresh: boolean) => GroupsAt | Promise<GroupsAt>;
}

/** Up to this many groups, a page reads each group's grants as its own source (see reachablePage). */
export const MERGE_MAX_GROUPS = 64;

/** A user's current groups, and the access epoch they were read at (access-epoch.ts, access-cache.ts). */
export interface GroupsAt {
  ids: string[];
  epoch: string;
}

/** The groups `userId` is a current member of, with the epoch, in one statement (PostgreSQL). */
async function currentGroups(manager: EntityManager, userId: string, now: Date): Promise<GroupsAt> {
  const rows = await rawQuery<{ epoch: string | null; groups: string[] }>(
    manager,
    `SELECT ${EPOCH_SQL} AS "epoch",
            ARRAY(SELECT CAST(m.group_id AS varchar) FROM membership m
                   WHERE m.user_id = :uid AND ${currentMembershipSql('m')} ORDER BY m.group_id) AS "groups"`,
    { uid: userId, now },
    'gh_reach_groups',
  );
  // Without the epoch's row (deleted by hand) no page can be checked against it: a label no page
  // carries sends reachablePage to the form that reads the memberships itself.
  return { ids: rows[0]!.groups, epoch: rows[0]!.epoch ?? 'none' };
}

/** The same choice as a group's or a user's columns (GroupColumns, UserColumns). */
export type ReachColumns = 'listed' | 'full';

/** A resource as a 'listed' read gives it; a 'full' read gives the whole entity. */
export type ReachedResource = Pick<ResourceEntity, 'id' | 'kind' | 'name' | 'nameKey'> & Partial<ResourceEntity>;

export interface ReachPage {
  /** The subject as read in the same statement (null: no such user). */
  subject: { isActive: boolean; isAdmin: boolean } | null;
  resources: ReachedResource[];
  total: number | null;
}

/**
 * `resources` for one user: the page's resources (kind, name, id order), the user's own facts
 * (the caller answers for an inactive user or an admin with bypass instead) and, when asked, how
 * many resources are reachable in all — ONE page statement (on PostgreSQL, after the user's
 * groups, which the access cache usually holds), same rule as levelFrom: owner, PUBLIC (READ
 * only), current user grants, current group grants through current memberships.
 *
 * The page is a merge of sources that are each read in page order from their own index and cut at
 * the page size: the user's grants and each current group's grants (grants carry copies of the
 * resource's kind, name_key and name for this — IX_grant_user_page, IX_grant_group_page), what the
 * user owns (IX_resource_owner_page) and, for READ, the PUBLIC resources (IX_resource_visibility). The
 * page is the first rows of their union, so a user in G groups reads at most (G + 3) × (page size)
 * index entries, whatever the tables hold — and on PostgreSQL, for a user in up to
 * MERGE_MAX_GROUPS groups, about (page size + G + 3), as the sources are merged in order.
 */
export async function reachablePage(manager: EntityManager, q: ReachQuery, now = new Date()): Promise<ReachPage> {
  if (manager.connection.options.type !== 'postgres') return (await pageFrom(manager, q, null, now)).page;
  // The per-group sources name the groups read before the page: the page's statement reads the
  // epoch too, and the page stands only if no membership changed in between (the epoch did not
  // move). Otherwise the groups are read again; after a few tries (writes arriving faster than
  // pages), the page reads the memberships itself (the LATERAL form).
  // The first try may take groups held at an older epoch (the cache's, without reading the epoch):
  // the comparison catches that. The second reads them as of a fresh epoch (moving the cache on),
  // the third straight from the memberships.
  const read = (attempt: number) => (q.groups && attempt < 2 ? q.groups(attempt > 0) : currentGroups(manager, q.userId, now));
  let groups = await read(0);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (groups.ids.length > MERGE_MAX_GROUPS) break;
    const { page, epoch } = await pageFrom(manager, q, groups.ids, now);
    if (epoch === groups.epoch) return page;
    if (attempt < 2) groups = await read(attempt + 1);
  }
  return (await pageFrom(manager, q, null, now)).page;
}

/** What a page statement's text depends on; everything else is a bound parameter. */
interface PageShape {
  postgres: boolean;
  read: boolean;
  limit: number;
  kind: boolean;
  pattern: boolean;
  after: boolean;
  withTotal: boolean;
  /** How many per-group sources (null: the memberships are joined). */
  groups: number | null;
  columns: ReachColumns;
}

function pageStatement(shape: PageShape): { sql: string; name: string } {
  return shapedStatement('gh_reach', shape, () => pageSql(shape));
}

function pageSql({ postgres, read, limit: size, kind, pattern, after, withTotal, groups, columns }: PageShape): string {
  // The page size is written into the SQL, not bound (limitSql says why).
  const limit = limitSql(size);
  /** The kind and name filters over a source with kind and name_key columns; with its id column, the cursor too. */
  const where = (a: string, id?: string) =>
    [
      kind ? `${a}.kind = :kind` : null,
      pattern ? `${a}.name_key LIKE :pattern ESCAPE '\\'` : null,
      id && after ? `(${a}.kind, ${a}.name_key, ${a}.${id}) > (:cKind, :cName, :cId)` : null,
    ].filter(Boolean).map((f) => ` AND ${f}`).join('');
  // Each source carries the name too (the last column of its index), so the page needs no resource row.
  const first = (a: string, id: string, from: string, conditions: string) =>
    `SELECT * FROM (SELECT ${a}.kind, ${a}.name_key, ${a}.${id} AS id, ${a}.name FROM ${from} WHERE ${conditions}${where(a, id)}
       ORDER BY ${a}.kind, ${a}.name_key, ${a}.${id} ${limit}) AS ${a}_first`;
  // Every grant gives at least READ (levelFrom counts any level but WRITE as READ): a READ page
  // filters nothing, and a WRITE page keeps the WRITE grants. A constant, not a parameter: one
  // statement per level, and nothing for PostgreSQL to compare at run time.
  const granted = (a: string) => `${read ? '' : `${a}.level = 'WRITE' AND `}${currentGrantSql(a)}`;
  // With the user's groups known (PostgreSQL), one source per group, written out: PostgreSQL then
  // merges the sources in index order (Merge Append) and stops at the page size, reading about
  // (page size + sources) index entries instead of sorting (G + 3) × (page size). Without them, one
  // LATERAL index range per current membership, sorted. SQLite (no LATERAL, no such data volumes)
  // joins the groups' grants.
  const viaGroups = groups !== null
    ? Array.from({ length: groups }, (_, i) => first(`g${i}`, 'resource_id', `access_grant g${i}`, `g${i}.group_id = :g${i} AND ${granted(`g${i}`)}`))
    : postgres
      ? [`SELECT x.kind, x.name_key, x.id, x.name FROM membership m CROSS JOIN LATERAL (${first('g', 'resource_id', 'access_grant g', `g.group_id = m.group_id AND ${granted('g')}`)}) x
          WHERE m.user_id = :uid AND ${currentMembershipSql('m')}`]
      : [`SELECT g.kind, g.name_key, g.resource_id AS id, g.name FROM membership m JOIN access_grant g ON g.group_id = m.group_id
          WHERE m.user_id = :uid AND ${currentMembershipSql('m')} AND ${granted('g')}${where('g', 'resource_id')}`];
  const sources = [
    ...viaGroups,
    first('ug', 'resource_id', 'access_grant ug', `ug.user_id = :uid AND ${granted('ug')}`),
    first('o', 'id', 'resource o', 'o.owner_id = :uid'),
    ...(read ? [first('p', 'id', 'resource p', "p.visibility = 'PUBLIC'")] : []),
  ];
  // A resource reachable several ways appears once (GROUP BY), then the page is the first rows.
  // (The name is the same in every copy: grants' copies are kept in the resource's transaction.)
  const pageSql = `SELECT h.kind, h.name_key, h.id, MAX(h.name) AS name FROM (${sources.join(' UNION ALL ')}) h
       GROUP BY h.kind, h.name_key, h.id ORDER BY h.kind, h.name_key, h.id ${limit}`;
  // The count (only when the client selected totalCount): the owned or granted candidates, plus
  // the PUBLIC resources that are not among them, each counted from an index.
  const cand = `cand AS (
      SELECT g.resource_id AS id FROM access_grant g WHERE g.user_id = :uid AND ${granted('g')}${where('g')}
      UNION SELECT g.resource_id FROM membership m JOIN access_grant g ON g.group_id = m.group_id
             WHERE m.user_id = :uid AND ${granted('g')}${where('g')} AND ${currentMembershipSql('m')}
      UNION SELECT o.id FROM resource o WHERE o.owner_id = :uid${where('o')})`;
  const publicCount = read ? ` + (SELECT COUNT(*) FROM resource p WHERE p.visibility = 'PUBLIC'${where('p')} AND p.id NOT IN (SELECT id FROM cand))` : '';
  const total = withTotal ? `(SELECT COUNT(*) FROM cand)${publicCount}` : 'NULL';
  // The page's rows come back as asked: as the sources read them, or whole (joined, one resource row
  // per entry: about half the statement's cost) — never with a second round trip to load them.
  const hydrated = columns === 'listed'
    ? `SELECT pg.id AS "id", pg.kind AS "kind", pg.name AS "name", pg.name_key AS "nameKey" FROM (${pageSql}) pg`
    : `SELECT x.id AS "id", x.kind AS "kind", x.external_id AS "externalId", x.name AS "name", x.name_key AS "nameKey",
         x.description AS "description", x.owner_id AS "ownerId", x.visibility AS "visibility", x.created_at AS "createdAt", x.updated_at AS "updatedAt"
    FROM (${pageSql}) pg JOIN resource x ON x.id = pg.id`;
  // One head row says who the subject is (so the caller needs no lookup of its own) and, when
  // asked, the total; the page's rows hang off it (none: one row with the page's columns null).
  const epoch = groups !== null ? EPOCH_SQL : 'NULL';
  return `${withTotal ? `WITH ${cand} ` : ''}SELECT head.total AS "total", head.epoch AS "epoch", su.is_active AS "subjectActive", su.is_admin AS "subjectAdmin", h.*
      FROM (SELECT ${total} AS total, ${epoch} AS epoch) head
      LEFT JOIN user_account su ON su.id = :uid
      LEFT JOIN (${hydrated}) h ON 1 = 1
    ORDER BY h."kind", h."nameKey", h."id"`;
}

async function pageFrom(manager: EntityManager, q: ReachQuery, groups: string[] | null, now: Date): Promise<{ page: ReachPage; epoch: string | null }> {
  const read = q.minLevel === 'READ';
  const { sql, name } = pageStatement({
    postgres: manager.connection.options.type === 'postgres',
    read,
    limit: q.limit,
    kind: Boolean(q.kind),
    pattern: Boolean(q.namePattern),
    after: Boolean(q.after),
    withTotal: q.withTotal,
    groups: groups?.length ?? null,
    columns: q.columns ?? 'full',
  });
  const rows = await rawQuery<ResourceRow & { total: number | string | null; epoch: string | null; subjectActive: unknown; subjectAdmin: unknown }>(
    manager,
    sql,
    {
      uid: q.userId,
      now,
      ...(groups ? Object.fromEntries(groups.map((g, i) => [`g${i}`, g])) : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.namePattern ? { pattern: q.namePattern } : {}),
      ...(q.after ? { cKind: q.after[0], cName: q.after[1], cId: q.after[2] } : {}),
    },
    name,
  );
  const head = rows[0];
  const page = {
    subject: head?.subjectActive === null || head?.subjectActive === undefined ? null : { isActive: Boolean(head.subjectActive), isAdmin: Boolean(head.subjectAdmin) },
    resources: rows.flatMap((r) => (r.id ? [q.columns === 'listed' ? { id: r.id, kind: r.kind, name: r.name, nameKey: r.nameKey } : toResource(r)] : [])),
    total: q.withTotal ? Number(head?.total ?? 0) : null,
  };
  return { page, epoch: head?.epoch ?? null };
}

interface ResourceRow {
  id: string | null;
  kind: string;
  externalId: string | null;
  name: string;
  nameKey: string;
  description: string;
  ownerId: string | null;
  visibility: string;
  createdAt: Date | string;
  updatedAt: Date | string;
}

const toResource = (r: ResourceRow): ResourceEntity =>
  Object.assign(new ResourceEntity(), {
    id: r.id!,
    kind: r.kind,
    externalId: r.externalId,
    name: r.name,
    nameKey: r.nameKey,
    description: r.description,
    ownerId: r.ownerId,
    visibility: r.visibility as Visibility,
    createdAt: toDate(r.createdAt)!,
    updatedAt: toDate(r.updatedAt)!,
  });
