import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'gh_session';

/** Reads one cookie from the Cookie header (no cookie-parser: this is the only cookie we read). */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** httpOnly + SameSite=Lax always; Secure when the request came over https (directly or via a trusted proxy). */
export function setSessionCookie(req: Request, res: Response, secret: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', expires });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
