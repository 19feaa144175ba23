import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema';

// Object types marked `simpleResolvers: true` (the pages' hot types: a page of 50 rows resolves
// hundreds of plain fields) let graphql-js read their plain fields directly, without type-graphql's
// per-field wrapper. type-graphql then skips a field's @Authorized roles and middlewares silently:
// none of those types may carry any.
describe('simpleResolvers', () => {
  it('is only set on object types whose fields have no roles and no middlewares', async () => {
    await createSchema();
    const storage = getMetadataStorage();
    const simple = storage.objectTypes.filter((t) => t.simpleResolvers);
    expect(simple.map((t) => t.name)).toEqual(expect.arrayContaining(['Group', 'GroupAbilities', 'GroupRequest', 'User', 'PageInfo']));
    const guarded = simple.flatMap((t) => (t.fields ?? []).filter((f) => (f.roles?.length ?? 0) > 0 || (f.middlewares?.length ?? 0) > 0).map((f) => `${t.name}.${f.name}`));
    expect(guarded).toEqual([]);
  });
});
