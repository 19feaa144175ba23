import type { AuthCheckerFn } from 'type-graphql';
import { errors } from '../common/errors';
import type { Context } from '../context';
import { ADMIN } from './access';
import { holds } from './viewer';

/**
 * First tier of authorization: may this viewer call this operation at all? Row-level checks live
 * in the services (second tier). Signed out → UNAUTHENTICATED; signed in without a role → FORBIDDEN.
 */
export const authChecker: AuthCheckerFn<Context> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer) throw errors.unauthenticated(context.authProblem ?? undefined);
  if (roles.length === 0 || viewer.isAdmin) return true;
  if (roles.some((role) => role !== ADMIN && holds(viewer, role))) return true;
  throw errors.forbidden(
    'MISSING_PERMISSION',
    roles.includes(ADMIN) && roles.length === 1
      ? 'Only administrators may do this.'
      : `You need one of these permissions to do this: ${roles.filter((r) => r !== ADMIN).join(', ')}.`,
  );
};
