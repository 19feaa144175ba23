import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeGroup, makeUser } from '../../../test/factories';
import { GrantEntity } from '../resources/grant.entity';
import { ResourceEntity } from '../resources/resource.entity';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('no N+1: explainAccess costs the same number of statements however many paths it lists', () => {
  const QUERY = 'query ($r: ID!) { explainAccess(resourceId: $r) { level reasons { kind group { id } grant { id level } } } }';

  /** A resource reached through `groups` group grants, and the user who holds them all. */
  async function reachedThrough(groups: number) {
    const user = await makeUser(app);
    const m = app.dataSource.manager;
    const resource = await m.save(m.create(ResourceEntity, { kind: 'document', name: 'Explained', nameKey: 'explained', description: '', externalId: null, ownerId: null, visibility: 'PRIVATE' }));
    for (let i = 0; i < groups; i++) {
      const group = await makeGroup(app);
      await addMember(app, group.id, user.user.id);
      await m.insert(GrantEntity, { resourceId: resource.id, userId: null, groupId: group.id, level: 'READ', grantedById: null, expiresAt: null });
    }
    return { user, resource };
  }

  const countFor = async (groups: number) => {
    const { user, resource } = await reachedThrough(groups);
    await app.gql(QUERY, { r: resource.id }, user.as); // warm-up: same path, not counted
    app.queries.reset();
    const result = await app.gql<{ explainAccess: { level: string; reasons: { kind: string; group: { id: string } | null; grant: { id: string; level: string } | null }[] } }>(QUERY, { r: resource.id }, user.as);
    expect(result.errors).toBeUndefined();
    expect(result.data!.explainAccess.level).toBe('READ');
    expect(result.data!.explainAccess.reasons).toHaveLength(groups);
    expect(result.data!.explainAccess.reasons.every((r) => r.kind === 'GROUP_GRANT' && r.group && r.grant?.level === 'READ')).toBe(true);
    return app.queries.count;
  };

  it('one group grant or eight: the grants and the groups are each read once', async () => {
    expect(await countFor(8)).toBe(await countFor(1));
  });
});
