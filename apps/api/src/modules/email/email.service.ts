import { authorize } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';
import type { Viewer } from '../../authz/viewer';
import type { Config } from '../../config';
import { errors } from '../../common/errors';
import { isEmail } from '../../common/validate';
import type { Db } from '../../db/db';
import { NOTIFICATION_KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from '../notifications/notification-kind';
import type { ChannelHandler } from '../outbound/outbound.worker';
import { UserEntity } from '../users/user.entity';
import { EmailOutbox, emailChannel } from './email-outbox';
import { Mailer, type SmtpAnswer } from './mailer';
import { choosePreferences, preferencesOf, type Preference } from './preferences';
import { escapeHtml } from './templates';
import { UnsubscribeTokens } from './unsubscribe-token';

export interface EmailStatus {
  enabled: boolean;
  server: string | null;
  from: string | null;
}

/**
 * Email copies of notifications (SPEC §18): each person's choices per kind, the unsubscribe
 * links, the test email, and — when SMTP_URL is set — the outbox that `notify()` queues into and
 * the EMAIL channel the outbound worker sends with.
 */
export class EmailService {
  private readonly mailer: Mailer | null;
  private readonly tokens = new UnsubscribeTokens();
  /** The outbound worker's EMAIL channel; null when this server sends no email. */
  readonly channelHandler: ChannelHandler | null;

  constructor(
    private readonly db: Db,
    config: Pick<Config, 'email' | 'publicUrl'>,
  ) {
    this.mailer = config.email ? new Mailer(config.email) : null;
    // Without SMTP_URL nothing is queued: notifications stay in-app (config.ts requires PUBLIC_URL with it).
    if (config.email && config.publicUrl) new EmailOutbox(db.dataSource, config.publicUrl, this.tokens);
    this.channelHandler = this.mailer && config.email ? emailChannel(this.mailer, config.email.retryDelaysMs) : null;
  }

  status(): EmailStatus {
    return { enabled: this.mailer !== null, server: this.mailer?.server ?? null, from: this.mailer?.from ?? null };
  }

  /** Your own choices, every kind (others' are not anyone's business: the field answers only to its user). */
  preferences(viewer: Viewer, userId: string): Promise<Preference[]> | Preference[] {
    return viewer.userId === userId ? preferencesOf(this.db.manager, userId) : [];
  }

  /** `setNotificationPreferences`: kinds not listed keep their value; answers every kind. */
  async setPreferences(viewer: Viewer, choices: readonly Preference[]): Promise<Preference[]> {
    if (choices.length > 50) throw errors.validation([{ field: 'preferences', message: `Give at most ${NOTIFICATION_KINDS.length} preferences, one per kind.` }]);
    const seen = new Map<NotificationKind, boolean>();
    for (const c of choices) {
      if (seen.has(c.kind) && seen.get(c.kind) !== c.email) {
        throw errors.validation([{ field: 'preferences', message: `"${NOTIFICATION_KIND_INFO[c.kind].label}" is both switched on and off; give each kind once.` }]);
      }
      seen.set(c.kind, c.email);
    }
    return this.db.transaction(async (tx) => {
      await choosePreferences(tx, viewer.userId, [...seen].map(([kind, email]) => ({ kind, email })));
      return preferencesOf(tx, viewer.userId);
    });
  }

  /** What a genuine unsubscribe token names (the GET page asks before anything changes); null otherwise. */
  async readUnsubscribe(token: string): Promise<{ kind: NotificationKind; label: string } | null> {
    const named = await this.db.transaction((tx) => this.tokens.verify(tx, token));
    return named ? { kind: named.kind, label: NOTIFICATION_KIND_INFO[named.kind].label } : null;
  }

  /**
   * One-click unsubscribe (RFC 8058): switches the token's kind off for the token's person, without
   * signing in. A forged or altered token changes nothing (null); so does one whose account is gone.
   */
  async unsubscribe(token: string): Promise<{ kind: NotificationKind; label: string } | null> {
    return this.db.transaction(async (tx) => {
      const named = await this.tokens.verify(tx, token);
      if (!named || !(await tx.existsBy(UserEntity, { id: named.userId }))) return null;
      await choosePreferences(tx, named.userId, [{ kind: named.kind, email: false }]);
      return { kind: named.kind, label: NOTIFICATION_KIND_INFO[named.kind].label };
    });
  }

  /**
   * `sendTestEmail` (admins): sent now, not queued — it is a diagnostic, and its answer is the
   * SMTP server's own. Changes nothing, so no transaction.
   */
  async sendTest(viewer: Viewer, to: string): Promise<SmtpAnswer> {
    authorize(settingsPolicy, 'sendTestEmail', viewer);
    const address = to.trim();
    if (address.length > 254 || !isEmail(address)) throw errors.validation([{ field: 'to', message: 'Give one email address to send the test to (name@example.org).' }]);
    if (!this.mailer) throw errors.conflict('EMAIL_NOT_CONFIGURED', 'This server sends no email: set SMTP_URL, MAIL_FROM and PUBLIC_URL and restart it.');
    const by = viewer.actor.label.replace(/ <.*>$/, '');
    const text = `This is a test email from Gatehouse, sent by ${by}.\n\nIf you can read it, email notifications from this server reach this address.\n`;
    return this.mailer.send({
      to: address,
      subject: 'Gatehouse test email',
      text,
      html: `<!doctype html><html><body><p>This is a test email from Gatehouse, sent by ${escapeHtml(by)}.</p><p>If you can read it, email notifications from this server reach this address.</p></body></html>`,
    });
  }

  close(): void {
    this.mailer?.close();
  }
}
