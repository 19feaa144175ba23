import { isIP, isIPv4 } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/**
 * The only module that reads `process.env`. Everything else receives a validated `Config`.
 * `loadConfig` collects every problem before failing, so a misconfigured start names them all.
 */

export type DatabaseConfig =
  | { dialect: 'postgres'; url: string }
  | { dialect: 'sqlite'; file: string };

export type NodeEnv = 'development' | 'production' | 'test';

export interface AdminBootstrap {
  email: string;
  password: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  scopes: string;
  /** Plain-http issuers, for local providers and tests only. */
  allowInsecure: boolean;
}

/** Email copies of notifications (SPEC §18); null when SMTP_URL is unset (in-app only). */
export interface EmailConfig {
  /** `smtp://user:pass@host:port` or `smtps://…` (nodemailer's connection URL). */
  smtpUrl: string;
  /** The From of every email: `gatehouse@example.org` or `Gatehouse <gatehouse@example.org>`. */
  from: string;
  /** Delays before each retry of an email the SMTP server refused for now or could not take (EMAIL_RETRY_DELAYS). */
  retryDelaysMs: number[];
}

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  database: DatabaseConfig;
  dataDir: string;
  logLevel: string;
  /** Whether `__schema` / `__type` queries are answered (on outside production unless told). */
  introspection: boolean;
  /** The built SPA to serve at `/`; null when not serving it (dev runs Vite instead). */
  webDist: string | null;
  /**
   * Which proxies' `X-Forwarded-*` to believe (Express' `trust proxy`): none (false), the last
   * `n` hops, or the proxies at these addresses / ranges / names. What they vouch for is the
   * client address (`req.ip`: the per-address sign-in limit) and https (`Secure` cookies).
   */
  trustProxy: TrustProxy;
  adminBootstrap: AdminBootstrap | null;
  /** Single sign-on; null when OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
  /** The public origin (https://gatehouse.example.org) for OIDC redirect URLs; null = from the request. */
  publicUrl: string | null;
  /** How long a shutdown may wait for in-flight requests before the process exits anyway. */
  shutdownGraceMs: number;
  /**
   * The cache of access facts (the bulk check, a `resources` page's groups), in facts (a user, a
   * resource, a membership or a grant each count one); 0 turns it off. It is validated on every
   * request (access-cache.ts).
   */
  accessCacheSize: number;
  /**
   * Processes serving HTTP. 1: this process serves. More (PostgreSQL only): this process is a
   * cluster primary that migrates, bootstraps and sweeps, and starts that many workers on the one
   * port (cluster/primary.ts).
   */
  workers: number;
  /**
   * PostgreSQL connections this process keeps at most (DB_POOL_SIZE, API.md). Every statement
   * waits for one; a transaction holds its one until it ends.
   */
  dbPoolSize: number;
  /**
   * Seconds between expiry sweeps (SWEEP_INTERVAL_SECONDS). Every server sweeps; the sweep claims
   * its work in the database, so each removal and warning happens once (sweeper.service.ts).
   */
  sweepIntervalSeconds: number;
  /** SMTP delivery of notification emails; null = in-app notifications only. Needs PUBLIC_URL for its links. */
  email: EmailConfig | null;
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** Delays before each retry (WEBHOOK_RETRY_DELAYS): 1 + this many attempts, then FAILED. */
  retryDelaysMs: number[];
  /** WEBHOOK_ALLOW_PRIVATE: deliver to loopback, link-local and private addresses too (off: refused). */
  allowPrivate: boolean;
}

/**
 * WORKERS when not set, on PostgreSQL: one worker per core, as a Node process executes on one
 * core — less one core when the database runs on this same machine (a loopback address, a Unix
 * socket), as each request's statements then need that machine's CPU too: with a worker per core
 * beside a local PostgreSQL, the processes took the CPU from each other mid-request and the tail
 * latency grew (measured in `pnpm bench`; the figures are in docs/performance.md, "Workers").
 */
export function defaultWorkers(databaseUrl: string, cores: number): number {
  let host = '';
  try {
    const url = new URL(databaseUrl);
    host = url.searchParams.get('host') ?? decodeURIComponent(url.hostname);
  } catch {
    // Not a URL: the database's own error says so when it connects; the default stays on the safe side.
    return Math.max(1, cores - 1);
  }
  const local = host === '' || host.startsWith('/') || host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
  return Math.max(1, local ? cores - 1 : cores);
}

/** `trust proxy` as Express takes it: false, a hop count, or addresses, CIDR ranges and proxy-addr's names. */
export type TrustProxy = false | number | string[];

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IPv4 netmask whose ones are contiguous (255.255.255.0), as proxy-addr accepts after a slash. */
function isNetmask(mask: string): boolean {
  if (!isIPv4(mask)) return false;
  const bits = mask.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const inverse = ~bits >>> 0;
  return bits !== 0 && (inverse & (inverse + 1)) === 0;
}

/** One TRUST_PROXY list entry: an address, a range (address/prefix, IPv4 address/netmask) or a name. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', range, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (range === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return (/^\d+$/.test(range) && Number(range) >= 1 && Number(range) <= max) || (family === 4 && isNetmask(range));
}

/**
 * TRUST_PROXY: false (the default; also 0, no, off), a hop count (1 = one proxy in front), or a
 * comma-separated list of the proxies' addresses, CIDR ranges and names. `true` is refused: it
 * believes every X-Forwarded-For hop, the ones a client writes itself included, so a client would
 * pick its own address — and escape the per-address sign-in limit, or lock out someone else's.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  if (raw === undefined || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) {
    problems.push(
      `TRUST_PROXY=${raw} would believe every X-Forwarded-For hop, so a client could choose its own address and escape the sign-in limit. ` +
        'Give the number of proxies in front of Gatehouse (TRUST_PROXY=1 for one) or their addresses (TRUST_PROXY=10.0.0.5,10.1.0.0/16 or loopback).',
    );
    return false;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (Number.isSafeInteger(hops)) return hops;
  }
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyEntry(e));
  if (bad.length > 0) {
    problems.push(
      `TRUST_PROXY must be false, a number of proxies (1 for one), or a comma-separated list of their addresses, CIDR ranges ` +
        `(10.0.0.0/8) and the names ${PROXY_RANGE_NAMES.join(', ')} (not: ${bad.map((e) => `"${e}"`).join(', ')}).`,
    );
    return false;
  }
  return entries;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Where the built SPA lives relative to this module (src/ in dev, dist/ when built). */
const DEFAULT_WEB_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const value = str(name);
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${value}").`);
    return fallback;
  };

  const nodeEnvRaw = str('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if (nodeEnvRaw === 'development' || nodeEnvRaw === 'production' || nodeEnvRaw === 'test') {
    nodeEnv = nodeEnvRaw;
  } else {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}").`);
  }

  const portRaw = str('PORT') ?? '4000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${portRaw}").`);
  }

  const dataDir = path.resolve(str('DATA_DIR') ?? './data');
  const databaseUrl = str('DATABASE_URL');
  let database: DatabaseConfig = { dialect: 'sqlite', file: path.join(dataDir, 'gatehouse.db') };
  if (databaseUrl !== undefined) {
    if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
      database = { dialect: 'postgres', url: databaseUrl };
    } else {
      problems.push(
        'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/db); leave it unset to use the embedded SQLite database.',
      );
    }
  }

  const logLevel = str('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);
  }

  const adminEmail = str('ADMIN_EMAIL');
  const adminPassword = env['ADMIN_PASSWORD'];
  let adminBootstrap: AdminBootstrap | null = null;
  if (adminEmail !== undefined || adminPassword) {
    if (adminEmail === undefined || !adminPassword) {
      problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together.');
    } else {
      adminBootstrap = { email: adminEmail, password: adminPassword };
    }
  }

  let oidc: OidcConfig | null = null;
  const issuer = str('OIDC_ISSUER');
  if (issuer !== undefined) {
    const clientId = str('OIDC_CLIENT_ID');
    const clientSecret = env['OIDC_CLIENT_SECRET'];
    if (!/^https?:\/\//.test(issuer)) problems.push('OIDC_ISSUER must be the provider\'s URL (https://…).');
    if (!clientId || !clientSecret) problems.push('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER.');
    oidc = {
      issuer,
      clientId: clientId ?? '',
      clientSecret: clientSecret ?? '',
      displayName: str('OIDC_DISPLAY_NAME') ?? 'single sign-on',
      scopes: str('OIDC_SCOPES') ?? 'openid email profile',
      allowInsecure: bool('OIDC_ALLOW_INSECURE', false),
    };
  }
  const publicUrl = str('PUBLIC_URL')?.replace(/\/+$/, '') ?? null;
  if (publicUrl && !/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must be an http(s) URL such as https://gatehouse.example.org.');

  const cacheRaw = str('ACCESS_CACHE_SIZE') ?? '4000000';
  const accessCacheSize = Number(cacheRaw);
  if (!/^\d+$/.test(cacheRaw) || !Number.isSafeInteger(accessCacheSize)) {
    problems.push(`ACCESS_CACHE_SIZE must be a whole number of facts, 0 to turn the cache off (got "${cacheRaw}").`);
  }

  // SQLite is embedded in the one process that owns the file. PostgreSQL: see defaultWorkers.
  const workersRaw = str('WORKERS') ?? (database.dialect === 'postgres' ? String(defaultWorkers(database.url, availableParallelism())) : '1');
  const workers = Number(workersRaw);
  if (!/^\d+$/.test(workersRaw) || workers < 1 || workers > 64) {
    problems.push(`WORKERS must be a whole number from 1 to 64 (got "${workersRaw}").`);
  } else if (workers > 1 && database.dialect === 'sqlite') {
    problems.push('WORKERS above 1 needs PostgreSQL (DATABASE_URL): the embedded SQLite database is served by one process.');
  }

  const poolRaw = str('DB_POOL_SIZE') ?? '10';
  const dbPoolSize = Number(poolRaw);
  if (!/^\d+$/.test(poolRaw) || dbPoolSize < 1 || !Number.isSafeInteger(dbPoolSize)) {
    problems.push(`DB_POOL_SIZE must be a whole number of connections, at least 1 (got "${poolRaw}").`);
  }

  const sweepRaw = str('SWEEP_INTERVAL_SECONDS') ?? '60';
  const sweepIntervalSeconds = Number(sweepRaw);
  if (!/^\d+$/.test(sweepRaw) || sweepIntervalSeconds < 1 || sweepIntervalSeconds > 86_400) {
    problems.push(`SWEEP_INTERVAL_SECONDS must be a whole number of seconds from 1 to 86400 (got "${sweepRaw}").`);
  }

  /** A retry schedule (SPEC §17): comma-separated seconds, the default about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
  const retryDelays = (name: string): number[] => {
    const raw = str(name) ?? '5,300,1800,7200,18000,36000,36000';
    const delays = raw.split(',').map((d) => d.trim());
    if (delays.some((d) => !/^\d+(\.\d+)?$/.test(d) || Number(d) > 7 * 86_400) || delays.length > 20) {
      problems.push(`${name} must be up to 20 comma-separated delays in seconds, each at most a week (got "${raw}").`);
    }
    return delays.map((d) => Math.round(Number(d) * 1000));
  };
  const webhooks: WebhookConfig = { retryDelaysMs: retryDelays('WEBHOOK_RETRY_DELAYS'), allowPrivate: bool('WEBHOOK_ALLOW_PRIVATE', false) };

  let email: EmailConfig | null = null;
  const smtpUrl = str('SMTP_URL');
  if (smtpUrl !== undefined) {
    let smtpOk = false;
    try {
      const parsed = new URL(smtpUrl);
      smtpOk = (parsed.protocol === 'smtp:' || parsed.protocol === 'smtps:') && parsed.hostname !== '';
    } catch {
      smtpOk = false;
    }
    if (!smtpOk) problems.push('SMTP_URL must be an SMTP server URL: smtp://user:password@host:587 (STARTTLS when offered) or smtps://user:password@host:465.');
    const from = str('MAIL_FROM');
    if (from === undefined) problems.push('MAIL_FROM is required with SMTP_URL: the sender of every email (gatehouse@example.org or "Gatehouse <gatehouse@example.org>").');
    else if (!/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from)) problems.push(`MAIL_FROM must be an email address, optionally with a name: Gatehouse <gatehouse@example.org> (got "${from}").`);
    if (!publicUrl) problems.push('PUBLIC_URL is required with SMTP_URL: every email links to its page and to its unsubscribe link there (https://gatehouse.example.org).');
    email = { smtpUrl, from: from ?? '', retryDelaysMs: retryDelays('EMAIL_RETRY_DELAYS') };
  }

  const webDistRaw = str('WEB_DIST');
  const webDist = webDistRaw === 'off' ? null : path.resolve(webDistRaw ?? DEFAULT_WEB_DIST);

  const config: Config = {
    nodeEnv,
    host: str('HOST') ?? '0.0.0.0',
    port,
    database,
    dataDir,
    logLevel,
    introspection: bool('GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    webDist,
    trustProxy: parseTrustProxy(str('TRUST_PROXY'), problems),
    adminBootstrap,
    oidc,
    publicUrl,
    shutdownGraceMs: 10_000,
    accessCacheSize,
    workers,
    dbPoolSize,
    sweepIntervalSeconds,
    email,
    webhooks,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
