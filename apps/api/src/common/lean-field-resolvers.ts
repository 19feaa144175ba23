import { getMetadataStorage } from 'type-graphql';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

type Resolve = GraphQLFieldResolver<unknown, unknown>;
type Method = (...args: unknown[]) => unknown;
interface Param {
  index: number;
  kind: string;
  propertyName?: string;
  getType?: () => unknown;
}

const LEAN = Symbol('lean field resolver');

/** Whether `resolve` is one leanFieldResolvers put in place. */
export function isLean(resolve: unknown): boolean {
  return typeof resolve === 'function' && LEAN in resolve;
}

/** Whether type-graphql's wrapper has nothing to do for a field resolver: no roles, no middlewares, no arguments. */
export function mayBeLean(meta: { roles?: unknown[]; middlewares?: unknown[]; params?: readonly Param[] }): boolean {
  if ((meta.roles?.length ?? 0) > 0 || (meta.middlewares?.length ?? 0) > 0) return false;
  return (meta.params ?? []).every((p) => p.kind === 'root' || p.kind === 'context' || p.kind === 'info');
}

/**
 * Field resolvers of resolver classes called directly, not through type-graphql's per-call wrapper.
 *
 * On every call that wrapper builds a resolver-data object, asks its container for the resolver
 * instance, sorts the method's parameter list again (a fresh sort state each time) and maps it into
 * a new argument array. A page of 50 rows with three such fields makes 150 of those calls; on the
 * directory page they were a third of everything the request allocated. A field resolver whose
 * parameters are only `@Root()`, `@Ctx()` and `@Info()`, with no roles (`@Authorized`) and no
 * middlewares, gives the wrapper nothing to do, so its arguments are worked out once, here.
 *
 * Behaviour stays the wrapper's: a root that is not already an instance of the class `@Root()`
 * declares (which the wrapper would convert) goes through type-graphql's resolver, as does every
 * field resolver with arguments, roles or middlewares. Resolver classes hold no state (methods only;
 * the test checks), so one instance per class here is as good as type-graphql's.
 */
export function leanFieldResolvers(schema: GraphQLSchema, resolvers: readonly Function[]): void {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, Method>>();
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || !resolvers.includes(meta.target) || !mayBeLean(meta)) continue;
    const objectClass = meta.getObjectType?.();
    const typeName = storage.objectTypes.find((t) => t.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[meta.schemaName] : undefined;
    if (!field?.resolve) continue;
    let instance = instances.get(meta.target);
    if (!instance) instances.set(meta.target, (instance = new (meta.target as new () => Record<string, Method>)()));
    const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index) as Param[];
    field.resolve = Object.assign(direct(params, instance[meta.methodName]!.bind(instance), field.resolve), { [LEAN]: true });
  }
}

/** The resolver for one field: `method` with its parameters picked from the call; `wrapped` for roots to convert. */
export function direct(params: readonly Param[], method: Method, wrapped: Resolve): Resolve {
  const declared = params.find((p) => p.kind === 'root')?.getType?.();
  const rootClass = typeof declared === 'function' ? declared : null;
  const pick = (p: Param, root: unknown, context: unknown, info: unknown): unknown => {
    const whole = p.kind === 'root' ? root : p.kind === 'context' ? context : info;
    return p.propertyName && whole != null ? (whole as Record<string, unknown>)[p.propertyName] : whole;
  };
  const shape = params.map((p) => (p.propertyName ? `${p.kind}.` : p.kind)).join(',');
  const call: Resolve =
    shape === 'root,context' ? (root, _args, context) => method(root, context)
    : shape === 'root' ? (root) => method(root)
    : (root, _args, context, info) => method(...params.map((p) => pick(p, root, context, info)));
  if (!rootClass) return call;
  return (root, args, context, info) => (root != null && !(root instanceof rootClass) ? wrapped(root, args, context, info) : call(root, args, context, info));
}
