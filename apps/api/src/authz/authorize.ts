import { errors } from '../common/errors';
import type { Viewer } from './viewer';

/**
 * One row of a policy table: when the viewer may (`allow`, over the viewer and the row's facts),
 * and what a service answers when they may not (`refuse`: FORBIDDEN with its reason and a sentence,
 * or the state error the rule stands for — NOT_FOUND for "may not see it", CONFLICT for a state).
 * A row without `refuse` only answers `can` (abilities, filters); `authorize` does not accept it.
 */
export interface Row<F extends unknown[]> {
  allow: (viewer: Viewer, ...facts: F) => boolean;
  refuse?: (viewer: Viewer, ...facts: F) => Error;
  /** The row is also its own predicate (`groupPolicy.read(v, f)`), the same answer as `can`. */
  (viewer: Viewer, ...facts: F): boolean;
}

/** A row that services may `authorize`: it says why it refuses. */
export interface RefusingRow<F extends unknown[]> extends Row<F> {
  refuse: (viewer: Viewer, ...facts: F) => Error;
}

/**
 * Builds a row. The facts' types come from `allow`'s parameters, so `refuse` reads the same facts
 * without restating them, and `can` / `authorize` check the facts a caller passes.
 */
export function rule<F extends unknown[]>(allow: (viewer: Viewer, ...facts: F) => boolean, refuse: (viewer: Viewer, ...facts: F) => Error): RefusingRow<F>;
export function rule<F extends unknown[]>(allow: (viewer: Viewer, ...facts: F) => boolean): Row<F>;
export function rule<F extends unknown[]>(allow: (viewer: Viewer, ...facts: F) => boolean, refuse?: (viewer: Viewer, ...facts: F) => Error): Row<F> {
  const row = (viewer: Viewer, ...facts: F) => allow(viewer, ...facts);
  return Object.assign(row, refuse ? { allow, refuse } : { allow });
}

/** A policy table: one subject's named rows (groups, users, resources, requests, tokens, settings…). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows differ in their facts; `can`/`authorize` recover each row's own.
export type Policy = Record<string, Row<any>>;

/** The facts a row reads after the viewer. */
export type FactsOf<R> = R extends Row<infer F> ? F : never;

/** The names of the rows of `P` that carry a refusal. */
export type RefusingRules<P extends Policy> = { [K in keyof P]: P[K] extends RefusingRow<infer _F> ? K : never }[keyof P] & string;

/** The row's answer, for `viewerCan` / `viewerAbilities` and filters: the same row a service authorizes by. */
export function can<P extends Policy, K extends keyof P & string>(policy: P, name: K, viewer: Viewer, ...facts: FactsOf<P[K]>): boolean {
  return policy[name]!.allow(viewer, ...(facts as unknown[]));
}

/**
 * The one check services make: evaluates the named row and throws its refusal when it does not
 * allow. A row read without a refusal is a programming error, caught by the types.
 */
export function authorize<P extends Policy, K extends RefusingRules<P>>(policy: P, name: K, viewer: Viewer, ...facts: FactsOf<P[K]>): void {
  const row = policy[name]!;
  const args = facts as unknown[];
  if (row.allow(viewer, ...args)) return;
  throw row.refuse ? row.refuse(viewer, ...args) : errors.forbidden('NOT_ALLOWED', 'You may not do this.');
}
