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
  /** `trust proxy` for Express, so client addresses and https detection are right behind a proxy. */
  trustProxy: boolean;
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
}

/**
 * WORKERS when not set, on PostgreSQL: one worker per core, as a Node process executes on one
 * core — less one core when the database runs on this same machine (a loopback address, a Unix
 * socket), as each request's statements then need that machine's CPU too. Measured on a 2-core
 * machine under `pnpm bench`: with two workers beside a local PostgreSQL, the cores had no idle
 * time and the server's processes and PostgreSQL's took the CPU from each other mid-request; one
 * worker left PostgreSQL a core, and the access scenarios' p99 fell by a third to a half
 * (docs/performance.md, "Workers").
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
    trustProxy: bool('TRUST_PROXY', false),
    adminBootstrap,
    oidc,
    publicUrl,
    shutdownGraceMs: 10_000,
    accessCacheSize,
    workers,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
