import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { EmailConfig } from '../../config';

/** A message ready for SMTP: what the outbound queue keeps for an email, and what a test email is. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** What the SMTP server answered (or why it could not be asked). */
export interface SmtpAnswer {
  /** The server took the message for delivery (a 2xx to the data). */
  accepted: boolean;
  /** Worth trying again later: a 4xx, or no answer at all (unreachable, timed out, dropped). A 5xx is final. */
  transient: boolean;
  /** The SMTP reply code, when the server answered one. */
  code: number | null;
  /** The server's reply line, or the connection error, for the attempt log and the test-email dialog. */
  response: string;
  durationMs: number;
}

interface NodemailerError extends Error {
  responseCode?: number;
  response?: string;
  code?: string;
}

/** Seconds an SMTP conversation may take at each step before it counts as "no answer" (and is retried). */
const TIMEOUT_MS = 10_000;

/**
 * The SMTP client (nodemailer): one transport per process, sending each message on its own
 * connection. Never throws: every outcome is an SmtpAnswer, so a refusal is recorded and
 * retried by the queue, and shown as it is by the test email.
 */
export class Mailer {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly config: EmailConfig) {
    this.transport = createTransport({
      url: config.smtpUrl,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    } as SMTPTransport.Options);
  }

  /** A readable "host:port" for the admin page (never the credentials in SMTP_URL). */
  get server(): string {
    const url = new URL(this.config.smtpUrl);
    return `${url.protocol === 'smtps:' ? 'smtps' : 'smtp'}://${url.hostname}${url.port ? `:${url.port}` : ''}`;
  }

  get from(): string {
    return this.config.from;
  }

  async send(email: OutgoingEmail): Promise<SmtpAnswer> {
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers ?? {},
      });
      const code = Number(/^\d{3}/.exec(info.response ?? '')?.[0] ?? 250);
      return { accepted: true, transient: false, code, response: info.response ?? '250', durationMs: took() };
    } catch (error) {
      const e = error as NodemailerError;
      const code = typeof e.responseCode === 'number' ? e.responseCode : null;
      return {
        accepted: false,
        transient: code === null || (code >= 400 && code < 500),
        code,
        response: (e.response ?? `${e.code ? `${e.code}: ` : ''}${e.message}`).slice(0, 1000),
        durationMs: took(),
      };
    }
  }

  close(): void {
    this.transport.close();
  }
}
