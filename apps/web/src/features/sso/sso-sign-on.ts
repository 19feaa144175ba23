/** Longest `sso_error` shown: the server writes one short sentence; anything longer is not its. */
const MAX_ERROR_LENGTH = 300;

/** Where the "Sign in with …" link goes: the server's start route, which redirects to the provider. */
export function ssoStartPath(next: string): string {
  return `/auth/oidc/start?next=${encodeURIComponent(next)}`;
}

/**
 * The sentence from `?sso_error=` (the server's callback reports failures this way), ready to
 * show as text; null when there is none. Control characters and runs of spaces are tidied and an
 * overlong value is cut, so a crafted link cannot fill the page.
 */
export function ssoErrorMessage(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = [...raw]
    .map((character) => (character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f ? ' ' : character))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
