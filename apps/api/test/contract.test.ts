import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isInputObjectType,
  isObjectType,
  isEnumType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../src/schema';

/**
 * API.md's schema is a contract: every type, field, argument and enum value it names exists here
 * with the same type. Our schema may add; it may not rename or drop. Items later issues still owe
 * are listed in PENDING and must be removed from it as they land (the test fails if a pending item
 * already exists, so the list cannot go stale).
 */
const CONTRACT = fs.readFileSync(path.resolve(__dirname, '../../../docs/api-contract.graphql'), 'utf8');

const PENDING = new Set<string>([]);

function problems(contract: GraphQLSchema, ours: GraphQLSchema): { missing: string[]; pendingButPresent: string[] } {
  const missing: string[] = [];
  const present: string[] = [];
  const note = (key: string, exists: boolean, detail = '') => {
    if (PENDING.has(key)) {
      if (exists) present.push(key);
    } else if (!exists) {
      missing.push(detail ? `${key} (${detail})` : key);
    }
  };
  for (const type of Object.values(contract.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) continue;
    const mine = ours.getType(type.name);
    note(type.name, !!mine);
    if (!mine || PENDING.has(type.name)) continue;
    if (isEnumType(type) && isEnumType(mine)) {
      for (const v of type.getValues()) note(`${type.name}.${v.name}`, !!mine.getValue(v.name));
    }
    if ((isObjectType(type) && isObjectType(mine)) || (isInputObjectType(type) && isInputObjectType(mine))) {
      const theirs = type.getFields();
      const ourFields = mine.getFields();
      for (const [name, field] of Object.entries(theirs)) {
        const key = `${type.name}.${name}`;
        const ourField = ourFields[name];
        const sameType = !!ourField && String(ourField.type) === String(field.type);
        note(key, sameType, ourField ? `type ${String(ourField.type)}, contract ${String(field.type)}` : '');
        if (!ourField || !('args' in field) || !('args' in ourField)) continue;
        for (const arg of field.args) {
          const ourArg = ourField.args.find((a) => a.name === arg.name);
          note(`${key}(${arg.name})`, !!ourArg && String(ourArg.type) === String(arg.type), ourArg ? `type ${String(ourArg.type)}` : 'missing');
          if (ourArg && arg.defaultValue !== undefined) {
            note(`${key}(${arg.name}) default`, JSON.stringify(ourArg.defaultValue) === JSON.stringify(arg.defaultValue));
          }
        }
      }
    }
  }
  return { missing, pendingButPresent: present };
}

describe('the API.md contract', () => {
  it('is fully present in the schema (apart from the listed pending items)', async () => {
    const contract = buildSchema(CONTRACT);
    const result = problems(contract, await createSchema());
    expect(result.missing, 'contract items missing or with another type').toEqual([]);
    expect(result.pendingButPresent, 'items that exist now: remove them from PENDING').toEqual([]);
  });
});
