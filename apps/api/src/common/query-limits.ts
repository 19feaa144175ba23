import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  getVariableValues,
  isLeafType,
  isListType,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LIMITS } from '@gatehouse/shared';

/**
 * What one GraphQL request may ask for, checked before anything runs. Four stages, cheapest
 * first, so that a hostile document is refused before it can cost much:
 *
 * 1. parsing stops at `maxTokens` tokens (graphql-js's own `maxTokens`, via Apollo's
 *    `parseOptions`), which bounds the work of everything after it;
 * 2. validation (graphql-armor, both walks memoise fragments, so a fragment spread N times costs
 *    one walk yet counts N times): `maxAliases` and `maxDepth`. These depend on the document
 *    alone, so Apollo's document cache skips them for a document it has already validated;
 * 3. after validation, once the variables are known (the cost depends on `$first`), fields are
 *    counted with fragments expanded: graphql-query-complexity walks every spread in full and
 *    gives up after `maxFields` selections, which is what bounds its walk of a fragment fan-out;
 * 4. the cost of that walk against `maxCost` (see `pageCost`). Stages 3 and 4 are kept per
 *    document and the variables that can change them (`createCostMeter`).
 *
 * graphql-js's own rules run in the same validation pass as ours (Apollo puts custom rules after
 * `specifiedRules` in one visitor, and nothing a custom rule does short of throwing stops the
 * others). That is safe here because the token cap bounds the document and graphql-js meters its
 * only super-linear rules (overlapping fields, fragment spreads) with fixed work budgets.
 *
 * Introspection (off in production) costs nothing and `__schema` adds no depth, so that tools
 * such as codegen work against a development server; its fields still count towards `maxFields`
 * and `__type` still counts for depth (graphql-armor exempts `__schema` only).
 */
export interface QueryLimits {
  maxTokens: number;
  maxAliases: number;
  maxDepth: number;
  maxFields: number;
  maxCost: number;
}

export const QUERY_LIMITS: QueryLimits = {
  maxTokens: LIMITS.maxQueryTokens,
  maxAliases: LIMITS.maxQueryAliases,
  maxDepth: LIMITS.maxQueryDepth,
  maxFields: LIMITS.maxQueryFields,
  maxCost: LIMITS.maxQueryCost,
};

const SPLIT = 'Ask for less at once or split the query.';

function refusal(reason: string, message: string): GraphQLError {
  // `http` sets the status when Apollo answers a refusal thrown from a plugin hook; Apollo takes
  // it out of the extensions before the client sees them.
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, http: { status: 400 } } });
}

/** graphql-armor words its refusals "… limit of N exceeded, found M."; M is all we need from it. */
function found(error: GraphQLError): string {
  return /found (\d+)/.exec(error.message)?.[1] ?? 'too many';
}

/** Validation rules for what the document alone decides: aliases and depth. */
export function queryShapeRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  // armor throws by default, which would end validation with a 500; report an error instead.
  const report = (reason: string, message: (n: string) => string) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(refusal(reason, message(found(error)))),
    ],
  });
  return [
    maxAliasesRule({
      n: limits.maxAliases,
      ...report('TOO_MANY_ALIASES', (n) => `This query uses ${n} aliases; the limit is ${limits.maxAliases}. ${SPLIT}`),
    }) as unknown as ValidationRule,
    maxDepthRule({
      n: limits.maxDepth,
      // Depth counts fields only: wrapping a selection in a fragment does not make it deeper.
      flattenFragments: true,
      ignoreIntrospection: true,
      ...report('QUERY_TOO_DEEP', (n) => `This query nests ${n} levels deep; the limit is ${limits.maxDepth}. ${SPLIT}`),
    }) as unknown as ValidationRule,
  ];
}

/** graphql-js's own wording when `maxTokens` stops the parser (16.x spells it "more that"). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\./;

/**
 * The refusal for a parse error that the token cap caused, or undefined for any other parse error.
 * (graphql-js gives it no code of its own; formatError asks this.)
 */
export function tokenLimitRefusal(message: string): { message: string; reason: string } | undefined {
  const limit = TOKEN_LIMIT.exec(message)?.[1];
  if (limit === undefined) return undefined;
  return {
    reason: 'TOO_MANY_TOKENS',
    message: `This query is longer than ${limit} tokens (names, values and punctuation); the limit is ${limit}. Send a shorter query, and pass long values as variables.`,
  };
}

const isConnection = (typeName: string) => typeName.endsWith('Connection');

/**
 * How many items a list field stands for:
 * - a field with `first` (every connection): its `first`, held to 1..maxPageSize (outside that
 *   range the field is refused with its own error, and a negative page must not lower the cost);
 * - the list of a connection (`edges`): 1, since the connection already weighed its `first`;
 * - a list whose size follows an input list (`checkAccessMany(checks)`, `addGroupMembers(userIds)`):
 *   that list's length;
 * - a list of scalars (`permissions`): 1, one value read with its row;
 * - any other list of objects (`memberships`, `leaders`): a page's worth, `defaultPageSize`.
 */
function itemsOf({ field, args, type }: Parameters<ComplexityEstimator>[0]): number {
  if (field.args.some((a) => a.name === 'first')) {
    const first = typeof args['first'] === 'number' ? args['first'] : LIMITS.defaultPageSize;
    return Math.min(Math.max(first, 1), LIMITS.maxPageSize);
  }
  if (!isListType(getNullableType(field.type))) return 1;
  if (isConnection(type.name)) return 1;
  const inputLists = Object.values(args).filter(Array.isArray).map((list: unknown[]) => list.length);
  if (inputLists.length > 0) return Math.max(...inputLists);
  return isLeafType(getNamedType(field.type)) ? 1 : LIMITS.defaultPageSize;
}

/**
 * The cost of a field: 1 for the field itself, plus its selections once per item it stands for, so
 * nested lists multiply (`groups(first: 100) { … members(first: 50) { … } }` costs about 5,000 per
 * field below `members`). A scalar costs 1, or one per item for a list of scalars sized by its input.
 * Introspection fields cost nothing. Aliases and fragment spreads are walked in full, so a field
 * asked for twice costs twice.
 */
export const pageCost: ComplexityEstimator = (estimate) => {
  const { field, childComplexity } = estimate;
  if (field.name.startsWith('__')) return 0;
  const items = itemsOf(estimate);
  return isLeafType(getNamedType(field.type)) ? items : 1 + items * childComplexity;
};

/** graphql-query-complexity's wording when it gives up after `maxQueryNodes` selections. */
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

export type CostMeasure = { cost: number } | { tooManyFields: true } | { invalidVariables: true };

/**
 * The cost of one operation of a validated document with these variables, or why it has none:
 * more than `maxFields` selections once fragments are expanded, or variables that do not fit (the
 * operation is then refused when it starts, before any resolver).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxFields: number,
): CostMeasure {
  try {
    const cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: variables ?? {},
      estimators: [pageCost],
      // The library refuses once it has counted this many; we allow up to maxFields.
      maxQueryNodes: maxFields + 1,
    });
    return { cost };
  } catch (error) {
    if (error instanceof GraphQLError && error.message === TOO_MANY_NODES) return { tooManyFields: true };
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) {
      return { invalidVariables: true };
    }
    throw error;
  }
}

/**
 * What in the variables can change an operation's measure: `pageCost` reads page sizes (Int),
 * the lengths of input lists, and graphql-query-complexity honours @skip/@include (Boolean).
 * Ids, strings and input objects cannot, so `checkAccess(resourceId: $r, userId: $u)` has one key
 * whatever it asks. Undefined (not worth keeping) when the key would be long.
 */
function costKey(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string | undefined {
  const parts: string[] = [operation.name?.value ?? ''];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
    const value = variables?.[definition.variable.name.value];
    if (type.kind === Kind.LIST_TYPE) parts.push(Array.isArray(value) ? `#${value.length}` : String(JSON.stringify(value)));
    else if (type.name.value === 'Int' || type.name.value === 'Boolean') parts.push(String(JSON.stringify(value)));
  }
  const key = parts.join(',');
  return key.length <= 200 ? key : undefined;
}

/** Measures kept per document per key; a document Apollo no longer caches takes its measures along. */
const MEASURES_PER_DOCUMENT = 20;

/**
 * `measureOperation` with the answer kept for the document (Apollo hands the same parsed document
 * to every request with the same query text) and the variables that matter (`costKey`): the walk
 * then runs once per distinct query, not on every request.
 */
export function createCostMeter(maxFields: number) {
  const kept = new WeakMap<DocumentNode, Map<string, CostMeasure>>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): CostMeasure => {
    const key = costKey(operation, variables);
    const measures = kept.get(document);
    const known = key === undefined ? undefined : measures?.get(key);
    if (known) return known;
    const measure = measureOperation(schema, document, operation, variables, maxFields);
    // Invalid variables are refused at execution; the next request's may be fine.
    if (key === undefined || 'invalidVariables' in measure) return measure;
    if (!measures) kept.set(document, new Map([[key, measure]]));
    else if (measures.size < MEASURES_PER_DOCUMENT) measures.set(key, measure);
    return measure;
  };
}

/**
 * Refuses an operation over `maxFields` or `maxCost` once Apollo has resolved it (after
 * validation, before execution): a refusal thrown here is answered as the request's only error.
 */
export function queryCostPlugin<TContext extends BaseContext>(limits: QueryLimits = QUERY_LIMITS): ApolloServerPlugin<TContext> {
  const meter = createCostMeter(limits.maxFields);
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ schema, document, operation, request }) {
      // No operation to run: Apollo answers that itself.
      if (!operation) return;
      const measure = meter(schema, document, operation, request.variables);
      if ('tooManyFields' in measure) {
        throw refusal(
          'TOO_MANY_FIELDS',
          `This query selects more than ${limits.maxFields} fields once its fragments are expanded; the limit is ${limits.maxFields}. ${SPLIT}`,
        );
      }
      if ('cost' in measure && measure.cost > limits.maxCost) {
        throw refusal(
          'QUERY_TOO_COSTLY',
          `This query would cost ${measure.cost} (every list counts once per item it asks for); the limit is ${limits.maxCost}. Ask for smaller pages or fewer fields at once.`,
        );
      }
    },
  };
  return { requestDidStart: async () => listener };
}
