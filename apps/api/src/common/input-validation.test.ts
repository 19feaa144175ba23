import { getMetadataStorage as validationMetadata } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema';

/**
 * class-validator checks a nested input object (`groups(filter: { search })`) only when its field
 * says @ValidateNested: without it, GroupFilter's 200-character cap on `search` was never applied.
 * Every input field whose type is another input class must say it.
 */
describe('nested inputs', () => {
  it('every input field holding another input type is validated (@ValidateNested)', async () => {
    await createSchema();
    const storage = getMetadataStorage();
    const inputClasses = new Set<unknown>(storage.inputTypes.map((t) => t.target));
    const missing: string[] = [];
    for (const holder of [...storage.inputTypes, ...storage.argumentTypes]) {
      const nested = new Set(
        validationMetadata()
          .getTargetValidationMetadatas(holder.target, '', true, false)
          .filter((m) => m.type === 'nestedValidation')
          .map((m) => m.propertyName),
      );
      for (const field of storage.fields.filter((f) => f.target === holder.target)) {
        const type: unknown = field.getType();
        if (inputClasses.has(type) && !nested.has(field.name)) missing.push(`${holder.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
