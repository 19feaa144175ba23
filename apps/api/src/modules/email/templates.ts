import { NOTIFICATION_KIND_INFO, type NotificationKind } from '../notifications/notification-kind';

/** What a notification says (the in-app message), the input of every template. */
export interface EmailContent {
  title: string;
  body: string;
  /** The page it is about, within the app (`/groups/{id}`, `/resources/{id}`, `/queue`). */
  link: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface RenderContext {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  recipientName: string;
  unsubscribeUrl: string;
}

interface KindTemplate {
  /** The line before the link: what the reader can do there. */
  action: string;
  /** Why this email came (the footer). */
  why: string;
}

/**
 * One template per kind (SPEC §18). The notification's title names the group or resource (every
 * writer of one does), the body says what happened; the template adds what to do and where, why
 * this email came, and how to stop this kind. Plain text first, so a text-only client reads the
 * same email; the HTML part is the same words, every value escaped.
 */
const TEMPLATES: Record<NotificationKind, KindTemplate> = {
  REQUEST_TO_DECIDE: { action: 'Approve or reject it', why: 'you approve requests for this group' },
  REQUEST_DECIDED: { action: 'See the group', why: 'you made this request' },
  MEMBERSHIP_ADDED: { action: 'Open the group', why: 'you were added to this group' },
  MEMBERSHIP_REMOVED: { action: 'Open the group', why: 'your membership of this group ended' },
  EXPIRY_WARNING: { action: 'Review it', why: 'this access is yours, or yours to renew' },
  REVIEW_ASSIGNED: { action: 'Open the review', why: 'you review memberships of this group' },
  ADMIN_ALERT: { action: 'Look into it', why: 'you administer this Gatehouse' },
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An app path as an absolute URL at PUBLIC_URL; anything that is not a path of ours opens the app's start page. */
export function pageUrl(publicUrl: string, link: string | null): string {
  return link && /^\/(?!\/)[^\s]*$/.test(link) ? `${publicUrl}${link}` : `${publicUrl}/`;
}

/** A subject is one line: line breaks in a title (names may hold none, but be sure) become spaces. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

export function renderEmail(kind: NotificationKind, content: EmailContent, ctx: RenderContext): RenderedEmail {
  const template = TEMPLATES[kind];
  const label = NOTIFICATION_KIND_INFO[kind].label;
  const page = pageUrl(ctx.publicUrl, content.link);
  const account = `${ctx.publicUrl}/account`;
  const subject = oneLine(content.title);
  const text = [
    `Hello ${ctx.recipientName},`,
    '',
    subject,
    '',
    content.body,
    '',
    `${template.action}: ${page}`,
    '',
    '-- ',
    `You get this email because ${template.why} and "${label}" emails are on in your Gatehouse account.`,
    `Stop "${label}" emails: ${ctx.unsubscribeUrl}`,
    `Choose which emails you get: ${account}`,
    '',
  ].join('\n');
  const e = escapeHtml;
  const paragraphs = content.body.split(/\n{2,}/).map((p) => `<p style="margin:0 0 12px">${e(p).replace(/\n/g, '<br>')}</p>`).join('');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1b1e;margin:0;padding:24px">
<p style="margin:0 0 12px">Hello ${e(ctx.recipientName)},</p>
<h1 style="font-size:18px;margin:0 0 12px">${e(subject)}</h1>
${paragraphs}
<p style="margin:16px 0"><a href="${e(page)}" style="display:inline-block;padding:8px 14px;background:#228be6;color:#ffffff;text-decoration:none;border-radius:4px">${e(template.action)}</a></p>
<p style="margin:0 0 12px;font-size:13px;color:#555">Or open ${e(page)}</p>
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">
<p style="font-size:12px;color:#666;margin:0">You get this email because ${e(template.why)} and &ldquo;${e(label)}&rdquo; emails are on in your Gatehouse account.
<a href="${e(ctx.unsubscribeUrl)}">Stop &ldquo;${e(label)}&rdquo; emails</a> &middot; <a href="${e(account)}">Choose which emails you get</a></p>
</body></html>
`;
  return { subject, text, html };
}
