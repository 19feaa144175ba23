import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { NotificationKind } from '../notifications/notification-kind';
import { escapeHtml, pageUrl, renderEmail } from './templates';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

const VALID = { SMTP_URL: 'smtp://user:secret@mail.example.org:587', MAIL_FROM: 'Gatehouse <gatehouse@example.org>', PUBLIC_URL: 'https://gatehouse.example.org/' };

describe('email configuration (SMTP_URL, MAIL_FROM, PUBLIC_URL, EMAIL_RETRY_DELAYS)', () => {
  it('unset SMTP_URL: no email at all (in-app only)', () => {
    expect(loadConfig({}).email).toBeNull();
  });

  it('a complete configuration, with the default retry delays', () => {
    const config = loadConfig(VALID);
    expect(config.email).toEqual({ smtpUrl: VALID.SMTP_URL, from: VALID.MAIL_FROM, retryDelaysMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] });
    expect(config.publicUrl).toBe('https://gatehouse.example.org');
    expect(loadConfig({ ...VALID, EMAIL_RETRY_DELAYS: '0.5, 2' }).email?.retryDelaysMs).toEqual([500, 2000]);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL must be an SMTP server URL'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL must be an SMTP server URL'],
    [{ MAIL_FROM: '' }, 'MAIL_FROM is required with SMTP_URL'],
    [{ MAIL_FROM: 'gatehouse' }, 'MAIL_FROM must be an email address'],
    [{ MAIL_FROM: 'Evil\r\nBcc: x@y.z <a@b.c>' }, 'MAIL_FROM must be an email address'],
    [{ PUBLIC_URL: '' }, 'PUBLIC_URL is required with SMTP_URL'],
    [{ EMAIL_RETRY_DELAYS: '5,soon' }, 'EMAIL_RETRY_DELAYS must be'],
    [{ EMAIL_RETRY_DELAYS: '-1' }, 'EMAIL_RETRY_DELAYS must be'],
  ])('refuses %o, naming the problem', (override, problem) => {
    expect(problemsOf({ ...VALID, ...override }).join('\n')).toContain(problem);
  });
});

describe('email templates', () => {
  const ctx = { publicUrl: 'https://g.example.org', recipientName: 'Ann <Admin>', unsubscribeUrl: 'https://g.example.org/unsubscribe?token=a.b.c' };

  it('every kind renders text and HTML with the page link, the reason and the unsubscribe link; HTML escapes every value', () => {
    for (const kind of Object.values(NotificationKind)) {
      const mail = renderEmail(kind, { title: 'Bob asks to join R&D <"Ops">', body: 'Line one\n\n<script>x</script>', link: '/groups/42' }, ctx);
      expect(mail.subject).toBe('Bob asks to join R&D <"Ops">');
      expect(mail.text).toContain('https://g.example.org/groups/42');
      expect(mail.text).toContain(ctx.unsubscribeUrl);
      expect(mail.text).toContain('<script>x</script>'); // text is text
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
      expect(mail.html).toContain('R&amp;D &lt;&quot;Ops&quot;&gt;');
      expect(mail.html).toContain('Ann &lt;Admin&gt;');
      expect(mail.html).toContain('href="https://g.example.org/unsubscribe?token=a.b.c"');
    }
  });

  it('a title never breaks the subject line; links are only paths of this app', () => {
    expect(renderEmail(NotificationKind.REQUEST_DECIDED, { title: 'a\r\nBcc: x@y.z', body: '', link: null }, ctx).subject).toBe('a Bcc: x@y.z');
    expect(pageUrl('https://g.example.org', '//evil.example.com/x')).toBe('https://g.example.org/');
    expect(pageUrl('https://g.example.org', 'https://evil.example.com')).toBe('https://g.example.org/');
    expect(pageUrl('https://g.example.org', '/queue')).toBe('https://g.example.org/queue');
    expect(escapeHtml(`'&`)).toBe('&#39;&amp;');
  });
});
