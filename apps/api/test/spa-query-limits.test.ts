import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@gatehouse/shared';
import { measureOperation, QUERY_LIMITS, queryShapeRules, type QueryLimits } from '../src/common/query-limits';

/**
 * Every operation the web app sends stays within half of every query limit, so that a page which
 * grows a little never meets a refusal in production. The operations are read from the generated
 * client (apps/web/src/gql/graphql.ts: one document per operation, its fragments included), which
 * CI keeps in step with the `graphql(...)` calls in apps/web/src.
 */
const root = path.resolve(__dirname, '../../..');
const schema = buildSchema(fs.readFileSync(path.join(root, 'apps/api/schema.graphql'), 'utf8'));
const generated = fs.readFileSync(path.join(root, 'apps/web/src/gql/graphql.ts'), 'utf8');

const operations = [...generated.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode</gm)].map(
  ([, name, json]) => ({ name: name!, document: JSON.parse(json!) as DocumentNode }),
);

/**
 * Apollo Client adds `__typename` to every selection set below the root before sending, and
 * removes its client-only `@unmask` directive (data masking).
 */
function asSent(document: DocumentNode): DocumentNode {
  return visit(document, {
    Directive(node) {
      return node.name.value === 'unmask' ? null : undefined;
    },
    SelectionSet(node, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
      return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  });
}

/** The largest variables the app could send: full pages, lists as long as a page. */
function largest(type: GraphQLInputType): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return Array.from({ length: LIMITS.maxPageSize }, () => largest(t.ofType));
  if (isInputObjectType(t)) {
    return Object.fromEntries(Object.values(t.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, largest(f.type)]));
  }
  if (isEnumType(t)) return t.getValues()[0]!.value;
  const scalars: Record<string, unknown> = { Int: LIMITS.maxPageSize, Float: 1, Boolean: true, ID: '1', String: 'x', DateTime: '2030-01-01T00:00:00Z', JSONObject: {} };
  return scalars[t.name];
}

const half: QueryLimits = {
  maxTokens: QUERY_LIMITS.maxTokens / 2,
  maxAliases: QUERY_LIMITS.maxAliases / 2,
  maxDepth: QUERY_LIMITS.maxDepth / 2,
  maxFields: QUERY_LIMITS.maxFields / 2,
  maxCost: QUERY_LIMITS.maxCost / 2,
};

describe('the web app against the query limits', () => {
  it('finds the operations of the generated client', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it('sends nothing that comes within half of any limit', () => {
    const problems: string[] = [];
    for (const { name, document: generatedDocument } of operations) {
      const document = asSent(generatedDocument);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, largest(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
      );
      try {
        parse(print(document), { maxTokens: half.maxTokens });
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
      }
      problems.push(...validate(schema, document, [...specifiedRules, ...queryShapeRules(half)]).map((e) => `${name}: ${e.message}`));
      const measure = measureOperation(schema, document, operation, variables, half.maxFields);
      if (!('cost' in measure)) problems.push(`${name}: ${JSON.stringify(measure)}`);
      else if (measure.cost > half.maxCost) problems.push(`${name}: costs ${measure.cost}`);
    }
    expect(problems).toEqual([]);
  });
});
