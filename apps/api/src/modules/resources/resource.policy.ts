import { rule } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { AppError, errors } from '../../common/errors';
import { RANK, type Level } from '../access/access.rule';

/** A group a change would grant access, and whether the viewer is a current member of it. */
export interface ShareTarget {
  group: { id: string; name: string; shareable: string };
  viewerIsMember: boolean;
}

export const NOT_FOUND_RESOURCE = 'No resource has this id, or you may not see it.';

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const reaches = (level: Level, at: Level) => RANK[level] >= RANK[at];
const mayCheckAccess = (v: Viewer) => holds(v, 'access.check');
const edits = (v: Viewer, level: Level) => isAdmin(v) || reaches(level, 'WRITE');

/**
 * Group consent (SPEC §11), the one spelling of it: why the viewer may not grant the group access,
 * in words that follow its name ("accepts shares only from administrators"), or null when they may.
 */
export function shareRefusal(viewer: Viewer, group: { shareable: string }, viewerIsMember: boolean): string | null {
  if (isAdmin(viewer) || group.shareable === 'ANYONE') return null;
  if (group.shareable === 'NOBODY') return 'accepts shares only from administrators';
  return viewerIsMember ? null : 'accepts shares only from its own members, and you are not one';
}

/**
 * Who may do what with a resource (SPEC §11), one row each (authz/authorize.ts), over the viewer's
 * access level to it (the access engine's answer). Deny by default.
 */
export const resourcePolicy = {
  create: rule(
    (v) => holds(v, 'resources.create'),
    () => errors.forbidden('MISSING_PERMISSION', 'Registering resources needs the resources.create permission.'),
  ),
  read: rule((v, level: Level) => reaches(level, 'READ') || mayCheckAccess(v), () => errors.notFound(NOT_FOUND_RESOURCE)),
  /** Edit name, description, visibility and grants: owner, admins, WRITE holders. */
  edit: rule(edits, () => errors.forbidden('NOT_ALLOWED', 'Changing this resource needs WRITE access.')),
  /** Delete or transfer: owner and admins only. */
  own: rule((v, r: { ownerId: string | null }) => isAdmin(v) || r.ownerId === v.userId, () => errors.forbidden('NOT_ALLOWED', 'Only the owner or an administrator may do this.')),
  /** Who can reach it (`Resource.accessors`): its editors and access.check holders. */
  listAccessors: rule((v, level: Level) => edits(v, level) || mayCheckAccess(v)),
  /** Grant a group access (group consent, §11); `grantAccess` refuses with every refused group at once. */
  share: rule((v, g: { shareable: string }, viewerIsMember: boolean) => shareRefusal(v, g, viewerIsMember) === null),
  /** `share` for every group a change grants, refused with each group that does not consent. */
  shareWithAll: rule(
    (v, targets: readonly ShareTarget[]) => targets.every((t) => shareRefusal(v, t.group, t.viewerIsMember) === null),
    (v, targets) => {
      const refused = targets.flatMap((t) => {
        const why = shareRefusal(v, t.group, t.viewerIsMember);
        return why ? [{ group: t.group, why }] : [];
      });
      const names = refused.map((r) => r.group.name);
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
      return new AppError('FORBIDDEN', `You may not share with ${list}: ${refused.map((r) => `${r.group.name} ${r.why}`).join('; ')}.`, {
        reason: 'NOT_SHAREABLE',
        details: refused.map((r) => ({ groupId: r.group.id, groupName: r.group.name, shareable: r.group.shareable, message: `${r.group.name} ${r.why}.` })),
      });
    },
  ),
};
