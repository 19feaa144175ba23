import { getMetadataStorage } from 'type-graphql';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema, RESOLVERS } from '../schema';
import { GroupType } from '../modules/groups/group.type';
import type { Context } from '../context';
import { direct, isLean, mayBeLean } from './lean-field-resolvers';

// leanFieldResolvers calls simple field resolvers directly instead of through type-graphql's
// per-call wrapper. These tests hold what keeps that safe: exactly the field resolvers without
// roles, middlewares or arguments are lean; a lean resolver answers as the wrapper would, including
// for a root it has to convert; and resolver classes keep no state, so a second instance is alike.
describe('leanFieldResolvers', () => {
  it('makes lean exactly the field resolvers that have no roles, no middlewares and no arguments', async () => {
    const schema = await createSchema();
    const storage = getMetadataStorage();
    const checked: string[] = [];
    for (const meta of storage.fieldResolvers) {
      if (meta.kind !== 'external' || !(RESOLVERS as readonly Function[]).includes(meta.target)) continue;
      const typeName = storage.objectTypes.find((t) => t.target === meta.getObjectType?.())?.name;
      const type = typeName ? schema.getType(typeName) : undefined;
      if (!isObjectType(type)) continue;
      const field = type.getFields()[meta.schemaName]!;
      expect(isLean(field.resolve), `${typeName}.${meta.schemaName}`).toBe(mayBeLean(meta));
      checked.push(`${typeName}.${meta.schemaName}${isLean(field.resolve) ? '' : ' (wrapped)'}`);
    }
    // The directory's and the queue's per-row fields are among the lean ones; one with arguments is not.
    expect(checked).toEqual(expect.arrayContaining(['Group.memberCount', 'Group.viewerCan', 'Group.viewerPendingRequest', 'GroupRequest.user', 'GroupRequest.group', 'Group.members (wrapped)']));
  });

  it('answers as type-graphql would, for a root of the declared class and for one it converts', async () => {
    const schema = await createSchema();
    const group = schema.getType('Group');
    if (!isObjectType(group)) throw new Error('Group is an object type');
    const memberCount = group.getFields()['memberCount']!.resolve!;
    const ctx = {} as Context;
    const info = {} as GraphQLResolveInfo;
    const prefetched = { facts: null, memberCount: 7, membership: null, pendingRequest: null };
    expect(memberCount(Object.assign(new GroupType(), { id: 'g', prefetched }), {}, ctx, info)).toBe(7);
    // A plain object goes through type-graphql's wrapper, which makes a GroupType of it first.
    expect(memberCount({ id: 'g', prefetched: { ...prefetched, memberCount: 5 } }, {}, ctx, info)).toBe(5);
  });

  it('passes root, context and info in the declared order, and leaves roots to convert to the wrapper', () => {
    class Row {
      constructor(readonly n: number) {}
    }
    const calls: unknown[][] = [];
    const method = (...args: unknown[]) => (calls.push(args), 'direct');
    const wrapped = () => 'wrapped';
    const info = {} as GraphQLResolveInfo;
    const rootThenCtx = direct([{ index: 0, kind: 'root', getType: () => Row }, { index: 1, kind: 'context' }], method, wrapped);
    const row = new Row(1);
    expect(rootThenCtx(row, {}, 'ctx', info)).toBe('direct');
    expect(calls.pop()).toEqual([row, 'ctx']);
    expect(rootThenCtx({ n: 1 }, {}, 'ctx', info)).toBe('wrapped');
    expect(rootThenCtx(null, {}, 'ctx', info)).toBe('direct');
    const picked = direct([{ index: 0, kind: 'context', propertyName: 'viewer' }, { index: 1, kind: 'info' }, { index: 2, kind: 'root', propertyName: 'n' }], method, wrapped);
    expect(picked(row, {}, { viewer: 'v' }, info)).toBe('direct');
    expect(calls.pop()).toEqual(['v', info, 1]);
  });

  it('relies on resolver classes holding no state', () => {
    for (const Resolver of RESOLVERS as readonly (new () => object)[]) {
      expect(Object.keys(new Resolver()), Resolver.name).toEqual([]);
    }
  });
});
