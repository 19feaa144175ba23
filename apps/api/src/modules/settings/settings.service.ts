import { In } from 'typeorm';
import { authorize } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { audit } from '../audit/audit.writer';
import { builtInGroup } from '../groups/built-in-groups';
import { GroupEntity } from '../groups/group.entity';
import { settingsPolicy } from './settings.policy';
import { readSettings, writeSettings } from './settings.repository';
import type { SettingsModel, SsoSettingsModel } from './settings.model';

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** Omitted or null fields stay as they are. */
export type SettingsChanges = Nullable<Omit<SettingsModel, 'sso'>> & { sso?: Nullable<SsoSettingsModel> | null };

export class SettingsService {
  constructor(private readonly db: Db) {}

  async get(viewer: Viewer): Promise<SettingsModel> {
    authorize(settingsPolicy, 'read', viewer);
    return readSettings(this.db.manager, viewer.settingsVersion);
  }

  /** The default groups as stored, or the built-in Member group when never changed. */
  async defaultGroupIds(settings: SettingsModel): Promise<string[]> {
    return settings.defaultGroupIds ?? [(await builtInGroup(this.db.manager, 'MEMBER')).id];
  }

  /** `updateSettings` (admins): validates, writes the whole document, audits which settings changed. */
  async update(viewer: Viewer, changes: SettingsChanges): Promise<SettingsModel> {
    authorize(settingsPolicy, 'update', viewer);
    const problems = new Problems();
    if (changes.expiryWarningDays != null) {
      problems.check(Number.isInteger(changes.expiryWarningDays) && changes.expiryWarningDays >= 0 && changes.expiryWarningDays <= 365, 'expiryWarningDays', 'Warn between 0 and 365 days ahead.');
    }
    if (changes.sso?.claim != null) {
      problems.check(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/.test(changes.sso.claim) && changes.sso.claim.length <= 200, 'sso.claim', 'The claim is a dotted path such as groups or realm_access.roles.');
    }
    if (changes.sso?.blockedGroups != null) {
      problems.check(changes.sso.blockedGroups.length <= 200 && changes.sso.blockedGroups.every((p) => p.trim().length >= 1 && p.length <= 200), 'sso.blockedGroups', 'Blocked group patterns are 1–200 characters each, at most 200 of them.');
    }
    if (changes.defaultGroupIds != null) {
      problems.check(changes.defaultGroupIds.length <= 50 && changes.defaultGroupIds.every(isUuid), 'defaultGroupIds', 'Default groups must be valid group ids (at most 50).');
    }
    problems.throwIfAny();
    return this.db.transaction(async (tx) => {
      const current = await readSettings(tx);
      if (changes.defaultGroupIds != null && changes.defaultGroupIds.length > 0) {
        const ids = [...new Set(changes.defaultGroupIds)];
        const groups = await tx.findBy(GroupEntity, { id: In(ids) });
        const missing = ids.filter((id) => !groups.some((g) => g.id === id));
        if (missing.length) throw errors.validation([{ field: 'defaultGroupIds', message: `No group has these ids: ${missing.join(', ')}.` }]);
        if (groups.some((g) => g.system)) throw errors.validation([{ field: 'defaultGroupIds', message: 'The System group takes only service accounts; it cannot be a default group.' }]);
      }
      const next: SettingsModel = Object.assign(
        {},
        current,
        Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && v !== null && k !== 'sso' && k !== 'defaultGroupIds')),
        {
          defaultGroupIds: changes.defaultGroupIds != null ? [...new Set(changes.defaultGroupIds)] : current.defaultGroupIds,
          sso: Object.assign({}, current.sso, Object.fromEntries(Object.entries(changes.sso ?? {}).filter(([, v]) => v !== undefined && v !== null))),
        },
      );
      const changed = [
        ...(Object.keys(next) as (keyof SettingsModel)[]).filter((k) => k !== 'sso' && JSON.stringify(next[k]) !== JSON.stringify(current[k])),
        ...(Object.keys(next.sso) as (keyof SsoSettingsModel)[])
          .filter((k) => JSON.stringify(next.sso[k]) !== JSON.stringify(current.sso[k]))
          .map((k) => `sso.${k}`),
      ];
      if (changed.length === 0) return current;
      await writeSettings(tx, next);
      await audit(tx, { action: 'SETTINGS_CHANGED', actor: viewer.actor, details: { fields: changed } });
      return next;
    });
  }
}
