import type { RequestHandler } from 'express';

/** Whether `text` holds a control character (C0 or DEL): no route, file or SPA page has one in its path. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Why a request path cannot name anything served here, or null when it can. Decoded once, the
 * way the static files and the SPA's router would read it:
 * - malformed percent-encoding (`/%E0%A4%A`, `/%zz`, overlong `%C0%AE`) is no path at all;
 * - a NUL or another control character once decoded (`/index.html%00.js`);
 * - a `..` segment, however it is spelt (`/..%2f`, `/%2e%2e/`, `/..\`): the only thing it can
 *   ask for is a file outside the built SPA.
 */
export function malformedPath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'malformed percent-encoding';
  }
  if (hasControlCharacter(decoded)) return 'a control character';
  if (decoded.split(/[/\\]/).includes('..')) return 'a ".." segment';
  return null;
}

/**
 * Answers 400 to a request whose path is malformed (see malformedPath), before any route or the
 * static files see it. Otherwise the SPA's history fallback would answer such paths with
 * index.html (200), and its router would meet the same malformed path in the browser.
 */
export const refuseMalformedPaths: RequestHandler = (req, res, next) => {
  if (malformedPath(req.path) === null) {
    next();
    return;
  }
  res.status(400).json({ error: 'Bad request' });
};
