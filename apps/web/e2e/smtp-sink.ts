import { createServer, type Server, type Socket } from 'node:net';

/** One message an SMTP client handed over: its recipients and its raw text (headers and body). */
export interface SunkMail {
  to: string[];
  raw: string;
  subject: string;
}

export interface SmtpSink {
  url: string;
  received: SunkMail[];
  waitFor(predicate: (received: SunkMail[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The Subject header, unfolded; RFC 2047 encoded words (non-ASCII names) are left as they are. */
function subjectOf(raw: string): string {
  const head = raw.split(/\r\n\r\n/)[0] ?? '';
  const match = /^subject:[ \t]*(.*(?:\r\n[ \t].*)*)/im.exec(head);
  return (match?.[1] ?? '').replace(/\r\n[ \t]+/g, ' ').trim();
}

/**
 * A minimal SMTP server for browser tests (the API's own tests use smtp-server and mailparser): it
 * speaks just enough of RFC 5321 for nodemailer — greeting, EHLO, MAIL, RCPT, DATA, RSET, QUIT — and
 * keeps each message's recipients and raw text, so a test can tell whether a mail was sent.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          const raw = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push({ to, raw, subject: subjectOf(raw) });
          to = [];
          reply('250 2.0.0 Ok: queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.test');
        else if (verb === 'MAIL') reply('250 2.1.0 Ok');
        else if (verb === 'RCPT') {
          to.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          reply('250 2.1.5 Ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          to = [];
          reply('250 2.0.0 Ok');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else reply('250 Ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(predicate, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > until) throw new Error(`No matching mail within ${timeoutMs} ms; received: ${received.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
