import { rule } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';

/** The account a token belongs to (or is to be made for). */
export interface TokenOwner {
  id: string;
  kind: string;
}

export const NOT_FOUND_TOKEN = 'No API token has this id.';

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const owns = (v: Viewer, o: { id: string }) => v.userId === o.id;

/** API token rules, one row each (authz/authorize.ts). Deny by default. */
export const tokenPolicy = {
  /** Make a token: for oneself; admins also for service accounts (never for another person). */
  mint: rule(
    (v, o: TokenOwner) => owns(v, o) || (isAdmin(v) && o.kind === 'SERVICE'),
    () => errors.forbidden('NOT_ALLOWED', 'Tokens for other accounts can only be made by administrators, and only for service accounts.'),
  ),
  /** See an account's tokens (`User.apiTokens`): its owner; admins, anyone's. */
  list: rule((v, o: { id: string }) => owns(v, o) || isAdmin(v)),
  /** Revoke: the owner or an admin; to anyone else a token does not exist. */
  revoke: rule((v, o: { id: string }) => owns(v, o) || isAdmin(v), () => errors.notFound(NOT_FOUND_TOKEN)),
};
