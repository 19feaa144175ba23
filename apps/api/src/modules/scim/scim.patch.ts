import { matchesElement, parsePath } from './scim.filter';
import { scimErrors } from './scim.protocol';

/**
 * RFC 7644 §3.5.2 PATCH applied to a resource's JSON representation — the forms Okta and Entra ID
 * send included: op names in any case ("Replace"), operations without a path whose value holds
 * several attributes (also dotted or URN-prefixed keys), `attr.sub`, `attr[filter]` and
 * `attr[filter].sub`. The result is then read like a PUT body, so both share one validation.
 */
export type PatchOpName = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  op: PatchOpName;
  path: string | null;
  value: unknown;
}

const MAX_OPERATIONS = 1000;

/** Reads and checks a PatchOp body's `Operations`. */
export function readOperations(body: Record<string, unknown>): PatchOperation[] {
  const ops = body['Operations'] ?? body['operations'];
  if (!Array.isArray(ops) || ops.length === 0) throw scimErrors.invalidSyntax('A PATCH body needs a non-empty "Operations" array.');
  if (ops.length > MAX_OPERATIONS) throw scimErrors.invalidSyntax(`A PATCH may hold at most ${MAX_OPERATIONS} operations.`);
  return ops.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw scimErrors.invalidSyntax(`Operation ${i + 1} is not an object.`);
    const o = raw as Record<string, unknown>;
    const op = typeof o['op'] === 'string' ? o['op'].toLowerCase() : null;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw scimErrors.invalidSyntax(`Operation ${i + 1}: "op" must be add, replace or remove.`);
    const path = o['path'];
    if (path !== undefined && path !== null && typeof path !== 'string') throw scimErrors.invalidPath(`Operation ${i + 1}: "path" must be a string.`);
    if (op !== 'remove' && !('value' in o)) throw scimErrors.invalidSyntax(`Operation ${i + 1}: "${op}" needs a value.`);
    if (op === 'remove' && (path === undefined || path === null || path === '')) throw scimErrors.noTarget(`Operation ${i + 1}: "remove" needs a path.`);
    return { op, path: path ? path : null, value: o['value'] };
  });
}

const findKey = (obj: Record<string, unknown>, name: string): string | undefined => Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies the operations to `doc` (mutated) for a resource of schema `core` with `extensions`.
 * `canonical` maps lower-cased attribute names to the spelling the document uses.
 */
export function applyPatch(doc: Record<string, unknown>, ops: readonly PatchOperation[], core: string, extensions: readonly string[], canonical: Record<string, string>): void {
  const keyIn = (container: Record<string, unknown>, lower: string) => findKey(container, lower) ?? canonical[lower] ?? lower;
  const subKey = (obj: Record<string, unknown>, sub: string) => keyIn(obj, sub.toLowerCase());

  const applyPath = (op: PatchOpName, rawPath: string, value: unknown) => {
    const p = parsePath(rawPath, core, extensions);
    let container = doc;
    if (p.schema !== core) {
      const k = findKey(doc, p.schema) ?? p.schema;
      if (!isObject(doc[k])) doc[k] = {};
      container = doc[k] as Record<string, unknown>;
    }
    const key = keyIn(container, p.attr);
    if (p.filter) {
      const list = Array.isArray(container[key]) ? (container[key] as unknown[]) : [];
      const hits = list.filter((e) => matchesElement(e, p.filter!));
      if (op === 'remove') {
        if (p.sub) for (const e of hits) delete (e as Record<string, unknown>)[subKey(e as Record<string, unknown>, p.sub)];
        else container[key] = list.filter((e) => !hits.includes(e));
        return;
      }
      if (hits.length === 0) {
        // Entra ID replaces `emails[type eq "work"].value` on a user that has no work email yet:
        // the element the filter describes is created (its eq conditions become its attributes).
        const made: Record<string, unknown> = {};
        const f = p.filter;
        const conds = f.op === 'and' ? f.filters : [f];
        for (const c of conds) if (c.op === 'eq') made[c.attrPath] = c.compValue;
        if (p.sub) made[subKey(made, p.sub)] = value;
        else if (isObject(value)) Object.assign(made, value);
        container[key] = [...list, made];
        return;
      }
      for (const e of hits as Record<string, unknown>[]) {
        if (p.sub) e[subKey(e, p.sub)] = value;
        else if (isObject(value)) Object.assign(e, value);
        else throw scimErrors.invalidValue(`The value for "${rawPath}" must be an object.`);
      }
      return;
    }
    if (p.sub) {
      const current = container[key];
      if (Array.isArray(current)) {
        for (const e of current) {
          if (!isObject(e)) continue;
          if (op === 'remove') delete e[subKey(e, p.sub)];
          else e[subKey(e, p.sub)] = value;
        }
        return;
      }
      if (op === 'remove') {
        if (isObject(current)) delete current[subKey(current, p.sub)];
        return;
      }
      const target = isObject(current) ? current : (container[key] = {} as Record<string, unknown>);
      (target as Record<string, unknown>)[subKey(target as Record<string, unknown>, p.sub)] = value;
      return;
    }
    if (op === 'remove') {
      const current = container[key];
      if (Array.isArray(current) && Array.isArray(value)) {
        const gone = new Set(value.filter(isObject).map((v) => String(v['value'])));
        container[key] = current.filter((e) => !(isObject(e) && gone.has(String(e['value']))));
      } else {
        delete container[key];
      }
      return;
    }
    const current = container[key];
    if (op === 'add' && Array.isArray(current) && Array.isArray(value)) {
      const seen = new Set(current.filter(isObject).map((e) => String(e['value'])));
      container[key] = [...current, ...value.filter((v) => !(isObject(v) && seen.has(String(v['value']))))];
    } else if (op === 'add' && isObject(current) && isObject(value)) {
      Object.assign(current, value);
    } else {
      container[key] = value;
    }
  };

  for (const o of ops) {
    if (o.path !== null) {
      applyPath(o.op, o.path, o.value);
      continue;
    }
    if (!isObject(o.value)) throw scimErrors.invalidValue(`An "${o.op}" without a path needs an object of attributes as its value.`);
    for (const [k, v] of Object.entries(o.value)) {
      const urn = [core, ...extensions].find((u) => u.toLowerCase() === k.toLowerCase());
      if (urn && urn !== core && isObject(v)) {
        for (const [sub, sv] of Object.entries(v)) applyPath(o.op, `${urn}:${sub}`, sv);
      } else if (urn === core && isObject(v)) {
        for (const [sub, sv] of Object.entries(v)) applyPath(o.op, sub, sv);
      } else if (k.toLowerCase() === 'schemas') {
        continue;
      } else {
        applyPath(o.op, k, v);
      }
    }
  }
}
