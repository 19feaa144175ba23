import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeGroup, makeUser, type TestUser } from '../../../test/factories';
import type { Viewer } from '../../authz/viewer';
import { SYSTEM_ACTOR } from '../audit/actor';
import { MembershipEntity } from '../memberships/membership.entity';
import { GroupLeaderGroupEntity } from './group-leader-group.entity';
import { GroupLeaderEntity } from './group-leader.entity';
import { GroupTallyEntity } from './group-tally.entity';
import { GroupEntity } from './group.entity';
import { groupPolicy } from './group.policy';

// The directory writes the `list` rule of group.policy.ts as SQL (directory.repository.ts). This
// keeps the two equal: for people in every relation to groups of every visibility, the directory
// lists exactly the groups the policy row allows.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function viewerOf(who: TestUser): Promise<Viewer> {
  const me = (await app.gql<{ me: { isAdmin: boolean; effectivePermissions: string[] } }>('{ me { isAdmin effectivePermissions } }', {}, who.as)).data!.me;
  return { userId: who.user.id, isAdmin: me.isAdmin, kind: 'HUMAN', permissions: new Set(me.effectivePermissions), actor: SYSTEM_ACTOR };
}

/** A person with `groups.request` (Member), one without it, a manager and an admin. */
async function makePeople(): Promise<Record<'plain' | 'noRequest' | 'manager' | 'admin', TestUser>> {
  const plain = await makeUser(app);
  const noRequest = await makeUser(app);
  const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
  await app.dataSource.manager.delete(MembershipEntity, { userId: noRequest.user.id, groupId: member.id });
  const manager = await makeUser(app, { permissions: ['groups.manage'] });
  const admin = await makeUser(app, { isAdmin: true });
  return { plain, noRequest, manager, admin };
}

describe('the directory lists exactly the groups groupPolicy.list allows', () => {
  it('over visibility flags × member, expired member, listed leader, leader through a leader group, no relation; for people with and without groups.request, managers and admins', async () => {
    const tag = `pol${Date.now().toString(36)}`;
    const { plain, noRequest, manager, admin } = await makePeople();
    const people = [plain, noRequest, manager, admin];
    const leaderGroup = await makeGroup(app, { name: `${tag} leaders`, internal: true, members: [plain.user.id, noRequest.user.id] });

    const groups: GroupEntity[] = [leaderGroup];
    let n = 0;
    for (const internal of [false, true]) {
      for (const hidden of [false, true]) {
        for (const pub of [false, true]) {
          for (const relation of ['none', 'member', 'expired', 'leader', 'leaderGroup'] as const) {
            const group = await makeGroup(app, { name: `${tag} ${String(n++).padStart(3, '0')}`, internal, hidden, public: pub });
            groups.push(group);
            for (const who of [plain, noRequest]) {
              if (relation === 'member') await addMember(app, group.id, who.user.id);
              if (relation === 'expired') await addMember(app, group.id, who.user.id, new Date(Date.now() - 60_000));
              if (relation === 'leader') await app.dataSource.manager.insert(GroupLeaderEntity, { groupId: group.id, userId: who.user.id });
            }
            if (relation === 'leaderGroup') await app.dataSource.manager.insert(GroupLeaderGroupEntity, { groupId: group.id, leaderGroupId: leaderGroup.id });
          }
        }
      }
    }

    for (const who of people) {
      const viewer = await viewerOf(who);
      const facts = await app.services.groups.factsFor(viewer, groups);
      const expected = groups.filter((g) => groupPolicy.list(viewer, facts.get(g.id)!)).map((g) => g.name).sort();
      const listed: string[] = [];
      let after: string | null = null;
      // Small pages: the cursor's condition is part of the SQL under test too.
      for (;;) {
        const page: { groups: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = (
          await app.gql<{ groups: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
            'query ($s: String, $a: String) { groups(filter: { search: $s }, first: 7, after: $a) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }',
            { s: tag, a: after },
            who.as,
          )
        ).data!;
        expect(page.groups.totalCount).toBe(expected.length);
        listed.push(...page.groups.edges.map((e) => e.node.name));
        if (!page.groups.pageInfo.hasNextPage) break;
        after = page.groups.pageInfo.endCursor;
      }
      expect(listed).toEqual(expected);
    }
  });

  it('counts the whole directory from group_tally, kept by the database as groups come, change flags and go', async () => {
    const { plain, noRequest, manager, admin } = await makePeople();
    const made: GroupEntity[] = [];
    for (const internal of [false, true]) {
      for (const hidden of [false, true]) {
        for (const pub of [false, true]) {
          const group = await makeGroup(app, { internal, hidden, public: pub });
          made.push(group);
          // The viewer's own unlisted groups count too, once each (member and leader of one).
          if (internal || hidden || !pub) await addMember(app, group.id, noRequest.user.id);
          if (hidden) await app.dataSource.manager.insert(GroupLeaderEntity, { groupId: group.id, userId: noRequest.user.id });
        }
      }
    }
    const expectTotals = async (): Promise<void> => {
      const groups = await app.dataSource.manager.find(GroupEntity);
      const counted: Record<string, number> = { PUBLIC: 0, LISTED: 0, UNLISTED: 0 };
      for (const g of groups) counted[g.internal || g.hidden ? 'UNLISTED' : g.public ? 'PUBLIC' : 'LISTED']! += 1;
      const tally = Object.fromEntries((await app.dataSource.manager.find(GroupTallyEntity)).map((t) => [t.category, t.groups]));
      expect(tally).toEqual(counted);
      for (const who of [plain, noRequest, manager, admin]) {
        const viewer = await viewerOf(who);
        const facts = await app.services.groups.factsFor(viewer, groups);
        const expected = groups.filter((g) => groupPolicy.list(viewer, facts.get(g.id)!)).length;
        const answer = await app.gql<{ groups: { totalCount: number } }>('{ groups(first: 1) { totalCount } }', {}, who.as);
        expect(answer.data?.groups.totalCount).toBe(expected);
      }
    };
    await expectTotals();
    // A group's category changes through the API (listed → public, public → hidden, internal →
    // public; one transaction each), stays with another flag, and a group goes.
    const update = async (id: string, input: Record<string, boolean>) =>
      expect((await app.gql('mutation ($id: ID!, $input: UpdateGroupInput!) { updateGroup(id: $id, input: $input) { id } }', { id, input }, admin.as)).errors).toBeUndefined();
    await update(made[0]!.id, { public: true });
    await update(made[1]!.id, { hidden: true });
    await update(made[5]!.id, { internal: false });
    await update(made[2]!.id, { open: true }); // same category: the tally is not touched
    expect((await app.gql('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: made[3]!.id }, admin.as)).errors).toBeUndefined();
    await expectTotals();
  });
});
