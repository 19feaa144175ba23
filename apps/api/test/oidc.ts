import http from 'node:http';
import net from 'node:net';

/**
 * A real OpenID provider in-process (the `oidc-provider` package, dev interactions on), with
 * accounts whose tokens carry a `groups` claim the test can change between sign-ons.
 */
export interface TestProvider {
  issuer: string;
  /** Claims per account id; `groups` is whatever the test puts here (or absent). */
  accounts: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startProvider(port: number, redirectUri: string): Promise<TestProvider> {
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'gatehouse', client_secret: 'test-secret', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, ...(accounts.get(sub) ?? {}) }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    conformIdTokenClaims: false, // requested claims go into the ID token itself
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['gatehouse-test-cookie-key'] },
    pkce: { required: () => true },
  } as never);
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { issuer, accounts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A per-origin cookie jar for following a browser flow with fetch. */
class Jar {
  private readonly cookies = new Map<string, Map<string, string>>();
  store(url: URL, response: Response): void {
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(url.host, jar);
  }
  header(url: URL): string {
    return [...(this.cookies.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(url: URL, name: string): string | undefined {
    return this.cookies.get(url.host)?.get(name);
  }
  set(url: URL, name: string, value: string): void {
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    jar.set(name, value);
    this.cookies.set(url.host, jar);
  }
}

export interface FlowResult {
  /** Where Gatehouse finally sent the browser (a path in the SPA). */
  landing: string;
  /** The Gatehouse session cookie ("gh_session=…"), if signed in. */
  session: string | null;
  /** The callback URL the provider sent the browser to (for tamper tests). */
  callbackUrl: URL;
  jar: Jar;
}

/**
 * Runs the authorization-code flow like a browser: start at Gatehouse, log in and consent at the
 * provider's pages (as `login`), follow the redirect back. `tamper` may rewrite the callback URL
 * (or the jar) before Gatehouse sees it.
 */
export async function signOnFlow(appUrl: string, login: string, tamper?: (callback: URL, jar: Jar) => URL | Promise<URL>): Promise<FlowResult> {
  const jar = new Jar();
  let url = new URL('/auth/oidc/start?next=/groups', appUrl);
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 20; hop++) {
    if (url.pathname === '/auth/oidc/callback' && tamper) {
      const changed = await tamper(url, jar);
      tamper = undefined;
      url = changed;
    }
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: jar.header(url) } });
    jar.store(url, response);
    if (url.pathname === '/auth/oidc/callback') {
      const landing = response.headers.get('location') ?? '';
      const session = jar.get(url, 'gh_session');
      return { landing, session: session ? `gh_session=${session}` : null, callbackUrl: url, jar };
    }
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url);
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected page at ${url}: ${response.status} ${html.slice(0, 200)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: prompt ?? 'consent' });
    url = new URL(action.replace(/&amp;/g, '&'), url);
    init = { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the sign-on flow did not finish');
}
