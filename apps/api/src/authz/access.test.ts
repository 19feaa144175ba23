import { describe, expect, it } from 'vitest';
import { getMetadataStorage } from 'type-graphql';
import { createSchema } from '../schema';
import { PUBLIC_EXTENSION } from './access';

/**
 * The build fails when a Query or Mutation field declares neither who may call it (`@Authorized`,
 * on the method or its resolver class) nor that it is public (`@Public`). Nothing is open by accident.
 */
describe('every root operation declares its access', () => {
  it('has @Authorized or @Public on every Query and Mutation field', async () => {
    const schema = await createSchema();
    const storage = getMetadataStorage();
    const undeclared: string[] = [];
    for (const root of [...storage.queries, ...storage.mutations]) {
      const rootType = storage.queries.includes(root) ? schema.getQueryType() : schema.getMutationType();
      const field = rootType?.getFields()[root.schemaName];
      if (!field) continue; // a resolver class not in RESOLVERS
      const isPublic = field.extensions?.[PUBLIC_EXTENSION] === true;
      const authorized =
        storage.authorizedFields.some((a) => a.target === root.target && a.fieldName === root.methodName) ||
        storage.authorizedResolver.some((a) => a.target === root.target);
      if (isPublic === authorized) undeclared.push(`${rootType?.name}.${root.schemaName}`);
    }
    // Public *and* authorized is as wrong as neither: the two say opposite things.
    expect(undeclared, 'fields with neither (or both) of @Authorized / @Public').toEqual([]);
    expect(storage.queries.length).toBeGreaterThan(0);
  });
});
