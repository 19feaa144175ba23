import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { currentGrant } from './current-grant';
import { GrantEntity } from './grant.entity';

/**
 * The resources slice's per-request loaders (merged into the request's loaders in loaders.ts): a
 * list of explanations or resources costs one statement per field, not one per row.
 *
 * They batch but keep nothing (`cache: false`): a request with several mutations (run in turn)
 * may change grants between two reads, and each read must see the grants as they are then.
 */
const NO_CACHE = { cache: false } as const;

export function createResourceLoaders(m: EntityManager) {
  return {
    /** A grant by id (AccessReason.grant); null when it is gone. */
    grant: new DataLoader<string, GrantEntity | null>(async (ids) => {
      const rows = await m.findBy(GrantEntity, { id: In([...ids]) });
      const byId = new Map(rows.map((g) => [g.id, g]));
      return ids.map((id) => byId.get(id) ?? null);
    }, NO_CACHE),
    /** A resource's access list, oldest grant first (Resource.grants). */
    grantsOfResource: new DataLoader<string, GrantEntity[]>(async (ids) => {
      const rows = await m.find(GrantEntity, { where: { resourceId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      const byResource = new Map<string, GrantEntity[]>(ids.map((id) => [id, []]));
      for (const g of rows) byResource.get(g.resourceId)?.push(g);
      return ids.map((id) => byResource.get(id) ?? []);
    }, NO_CACHE),
    /**
     * Each group's current grants (Group.grants; "current" as current-grant.ts spells it). By
     * resource kind and name, the order of the (group, kind, name) page index.
     */
    currentGrantsOfGroup: new DataLoader<string, GrantEntity[]>(async (ids) => {
      const rows = await m
        .createQueryBuilder(GrantEntity, 'g')
        .where('g.groupId IN (:...ids)', { ids: [...ids] })
        .andWhere(currentGrant('g'))
        .setParameter('now', new Date())
        .orderBy('g.groupId')
        .addOrderBy('g.kind')
        .addOrderBy('g.nameKey')
        .addOrderBy('g.resourceId')
        .getMany();
      const byGroup = new Map<string, GrantEntity[]>(ids.map((id) => [id, []]));
      for (const g of rows) byGroup.get(g.groupId!)?.push(g);
      return ids.map((id) => byGroup.get(id) ?? []);
    }, NO_CACHE),
  };
}
