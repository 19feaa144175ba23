import type { Request, Response } from 'express';
import type { EmailService } from './email.service';
import { escapeHtml } from './templates';

/**
 * The unsubscribe endpoint of every email (RFC 8058), at /unsubscribe?token=…, without signing in:
 * - POST switches the token's kind off: a mail client's one-click "Unsubscribe" (its body,
 *   `List-Unsubscribe=One-Click`, needs no reading: the token says everything) and the button below;
 * - GET only asks: mail scanners and link previews fetch links, and must not unsubscribe anyone.
 * A forged or altered token answers 400 and changes nothing.
 */
export function unsubscribeHandlers(email: EmailService) {
  const tokenOf = (req: Request): string | null => {
    const token = req.query['token'];
    return typeof token === 'string' && token.length > 0 && token.length <= 200 ? token : null;
  };
  return {
    get: async (req: Request, res: Response) => {
      const token = tokenOf(req);
      const named = token ? await email.readUnsubscribe(token) : null;
      if (!token || !named) return page(res, 400, 'This unsubscribe link is not valid', '<p>It may have been cut short or changed. Choose which emails you get on your account page in Gatehouse.</p>');
      const label = escapeHtml(named.label);
      return page(
        res,
        200,
        `Stop “${named.label}” emails?`,
        `<p>You will still see these notifications in Gatehouse; only the emails stop. You can switch them on again in your account.</p>
<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit">Stop “${label}” emails</button></form>`,
      );
    },
    post: async (req: Request, res: Response) => {
      const token = tokenOf(req);
      const done = token ? await email.unsubscribe(token) : null;
      if (!done) return page(res, 400, 'This unsubscribe link is not valid', '<p>Nothing was changed. Choose which emails you get on your account page in Gatehouse.</p>');
      return page(res, 200, `You will no longer get “${done.label}” emails`, '<p>The notifications still appear in Gatehouse. You can switch these emails on again in your account.</p><p><a href="/account">Open my account</a></p>');
    },
  };
}

function page(res: Response, status: number, title: string, body: string): void {
  // The token is in the URL: no referrer leaves with it, and no cache keeps the page.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Gatehouse</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid #1c7ed6;background:#228be6;color:#fff;cursor:pointer}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>
`,
    );
}
