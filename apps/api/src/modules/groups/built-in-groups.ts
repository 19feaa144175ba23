import type { EntityManager } from 'typeorm';
import { GroupEntity, type BuiltInGroup } from './group.entity';

export const BUILT_IN_GROUPS: Record<BuiltInGroup, { name: string; description: string; system: boolean; permissions: string[] }> = {
  SYSTEM: {
    name: 'System',
    description: "Gatehouse's own service accounts and integrations. Only service accounts may be members.",
    system: true,
    permissions: [],
  },
  MEMBER: {
    name: 'Member',
    description: 'Everyone who signs in. Carries groups.request, so members can find and ask to join groups.',
    system: false,
    permissions: ['groups.request'],
  },
};

export async function builtInGroup(manager: EntityManager, which: BuiltInGroup): Promise<GroupEntity> {
  return manager.findOneByOrFail(GroupEntity, { builtIn: which });
}
