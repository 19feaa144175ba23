import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (smtp-server), whose mail is parsed with mailparser:
 * tests read what a mail client would. `refuse(451)` makes it answer every MAIL FROM with that
 * code until `refuse(null)`, as a server that is busy or greylisting does.
 */
export interface TestSmtp {
  url: string;
  /** Every message accepted, in order. */
  received: ParsedMail[];
  /** MAIL FROM commands answered with a refusal so far. */
  refused: number;
  refuse(code: number | null): void;
  /** Messages to `address` (case-insensitive) accepted so far. */
  to(address: string): ParsedMail[];
  /** Waits until `predicate` holds over what was received (polling), or fails after `timeoutMs`. */
  waitFor(predicate: (received: ParsedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  let refuseCode: number | null = null;
  const state = { received: [] as ParsedMail[], refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (refuseCode === null) return callback();
      state.refused += 1;
      const error = Object.assign(new Error(refuseCode < 500 ? 'Try again later' : 'Refused'), { responseCode: refuseCode });
      return callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          state.received.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const addressesOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get refused() {
      return state.refused;
    },
    refuse(code) {
      refuseCode = code;
    },
    to: (address) => state.received.filter((m) => addressesOf(m).includes(address.toLowerCase())),
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(state.received)) {
        if (Date.now() > until) throw new Error(`The SMTP server did not receive the expected mail within ${timeoutMs} ms (received ${state.received.length}).`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
