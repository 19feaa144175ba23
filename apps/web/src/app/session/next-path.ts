/** Pages a person reaches before signing in; never a place to return to afterwards. */
const AUTH_PATHS = ['/sign-in', '/sign-up', '/setup'];

const DEFAULT_PATH = '/';

function isAuthPath(path: string): boolean {
  const pathname = path.split(/[?#]/)[0] ?? '';
  return AUTH_PATHS.some((auth) => pathname === auth || pathname.startsWith(`${auth}/`));
}

function hasControlCharacters(text: string): boolean {
  return [...text].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
}

/**
 * Where to go after signing in, from the `next` query parameter. Only same-site paths pass:
 * `//evil.example` and `/\evil.example` are read by browsers as other hosts (an open redirect),
 * and an auth page would loop.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return DEFAULT_PATH;
  if (hasControlCharacters(raw) || isAuthPath(raw)) return DEFAULT_PATH;
  return raw;
}

/** The sign-in URL that brings the person back to `location` afterwards. */
export function signInPathFor(location: { pathname: string; search?: string; hash?: string }): string {
  const here = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  const next = safeNextPath(here);
  return next === DEFAULT_PATH ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
