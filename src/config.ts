import net from 'node:net';
import path from 'node:path';

/** Runtime configuration, read once from the environment. Every variable is documented in README.md. */
export interface Config {
  /** TCP port of the HTTP server (PORT, default 3000). */
  port: number;
  /** Interface to bind (HOST, default "localhost"). */
  host: string;
  /** Directory for the embedded database, lock file and the directory books' cache (DATA_DIR, default ./data). */
  dataDir: string;
  /** PostgreSQL connection string (DATABASE_URL); when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Maximum connections in the pool against a PostgreSQL server (DATABASE_POOL_MAX, default 10). */
  databasePoolMax: number;
  /** pino level (LOG_LEVEL, default "info"). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the demo corpus on first start of an empty database (PALERMO_DEMO, default 1). */
  demo: boolean;
  /** Absolute URL under which Palermo is reachable, used in exports and e-mails (PUBLIC_URL). */
  publicUrl: string;
  /**
   * PUBLIC_URL was given. Only then do pages carry absolute canonical and hreflang links: the default
   * (http://localhost:PORT) is a guess that would send search engines and readers to a wrong host.
   */
  publicUrlSet: boolean;
  /**
   * Which reverse proxies are trusted for X-Forwarded-For/-Proto/-Host (TRUST_PROXY, default 0: none):
   * a number of hops (the client is the address the last `hops` proxies added), or a list of proxy
   * addresses and CIDR ranges. Never "trust everything": the client would pick its own address.
   */
  trustProxy: TrustProxy;
  /** Requests per minute and client address before 429 (RATE_LIMIT_PER_MINUTE, default 600). */
  rateLimitPerMinute: number;
  /** SMTP server for outgoing mail (SMTP_URL); when absent mail goes to the outbox table. */
  smtpUrl: string | undefined;
  /** Sender of outgoing mail (MAIL_FROM, default "Palermo <no-reply@HOST of PUBLIC_URL>"). */
  mailFrom: string;
  /**
   * Installation secret for CSRF tokens, recovery-code hashes and TOTP secret encryption (SECRET_KEY,
   * at least 32 characters); when absent one is generated at first start and kept in the database.
   */
  secretKey: string | undefined;
  /** A session ends after this many minutes without a request (SESSION_IDLE_MINUTES, default 60). */
  sessionIdleMinutes: number;
  /** A session ends this many hours after sign-in, whatever the activity (SESSION_MAX_HOURS, default 12). */
  sessionMaxHours: number;
  /** Failed sign-ins per account or per address before a lock-out (SIGNIN_MAX_FAILURES, default 5 per account; 4× per address). */
  signinMaxFailures: number;
  /** Memory for the search match cache, in MB per process (SEARCH_CACHE_MB, default 32; 0: no cache). */
  searchCacheMb: number;
  /** Memory for the postings of frequent words, in MB per process (SEARCH_TERMS_MB, default 64; 0: matched in the database only). */
  searchTermsMb: number;
  /** Length of a lock-out in minutes (SIGNIN_LOCK_MINUTES, default 15). */
  signinLockMinutes: number;
  /** Largest case document accepted, in MB (CASEWORK_MAX_UPLOAD_MB, default 50; larger uploads get 413). */
  caseworkMaxUploadMb: number;
  /** Hours after which chunks received from a partner whose message never came are dropped (EXCHANGE_CHUNK_MAX_AGE_HOURS). */
  exchangeChunkMaxAgeHours: number;
  /** Hours within which the recipient authority should open a received message; after them this node signs NonRetrieval evidence (EXCHANGE_RETRIEVAL_HOURS). */
  exchangeRetrievalHours: number;
  /** This node's id in the exchange between installations (EXCHANGE_NODE_ID, default the host and port of PUBLIC_URL). */
  exchangeNodeId: string;
  /** This node's name in its descriptor (EXCHANGE_NODE_NAME, default "Palermo at <host>"). */
  exchangeNodeName: string;
  /** The State this node speaks for (EXCHANGE_COUNTRY, ISO alpha-3); the exchange is off without it. */
  exchangeCountry: string | undefined;
  /** The authority that receives requests sent to this node (EXCHANGE_AUTHORITY, a directory id with casework settings). */
  exchangeAuthorityId: string | undefined;
  /** Folder of backups (BACKUP_DIR, default DATA_DIR/backups). */
  backupDir: string;
  /** age key file for encrypted backups (BACKUP_KEY_FILE): an identity AGE-SECRET-KEY-1… or only its public key age1…. */
  backupKeyFile: string | undefined;
  /** When the server takes backups (BACKUP_SCHEDULE: a 5-field cron expression in UTC or "nightly" = 0 3 * * *); off when absent. */
  backupSchedule: string | undefined;
  /** Scheduled backups kept in BACKUP_DIR, the oldest removed first (BACKUP_KEEP, default 7). */
  backupKeep: number;
  /** Bearer token that opens /metrics on the main port (METRICS_TOKEN, at least 24 characters); off when absent. */
  metricsToken: string | undefined;
  /** Serve /metrics without a token on this port, bound to 127.0.0.1 (METRICS_PORT); off when absent. */
  metricsPort: number | undefined;
  /**
   * Where traces go, as OTLP/HTTP (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT
   * with /v1/traces appended, as the OpenTelemetry specification says); tracing is off when absent.
   */
  otlpTracesUrl: string | undefined;
  /** The service name on the traces (OTEL_SERVICE_NAME, default "palermo"). */
  otelServiceName: string;
}

/** false: X-Forwarded-* ignored; a number of proxy hops; or the addresses/ranges of the proxies. */
export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be 1 or 0, got "${raw}"`);
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One TRUST_PROXY list item: an IP address, an address with a prefix length, or a proxy-addr range name. */
function isProxyAddress(item: string): boolean {
  if (PROXY_NAMES.includes(item)) return true;
  const [address = '', prefix, extra] = item.split('/');
  if (extra !== undefined) return false;
  const family = net.isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: 0 or unset (off), a number of hops, or a comma-separated list of proxy addresses/CIDRs. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || /^(0|false|no|off)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `at most 10 proxy hops, got ${hops}`);
    return hops;
  }
  if (/^(true|yes|on|all|\*)$/i.test(value)) {
    throw new ConfigError('TRUST_PROXY', `"${value}" would trust every X-Forwarded-For entry, so clients could pick their own address: give the number of proxies in front of Palermo (e.g. 1) or their addresses (e.g. 10.0.0.5,10.1.0.0/16)`);
  }
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !isProxyAddress(s));
  if (bad.length || !items.length) {
    throw new ConfigError('TRUST_PROXY', `must be 0, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges (or loopback, linklocal, uniquelocal); not an address: "${bad.join('", "') || value}"`);
  }
  return items;
}

const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;

/** BACKUP_SCHEDULE: "nightly" (03:00 UTC) or a cron expression of five fields; undefined when off. */
export function parseBackupSchedule(raw: string | undefined): string | undefined {
  const value = (raw ?? '').trim();
  if (value === '' || /^(0|off|no|false)$/i.test(value)) return undefined;
  if (/^nightly$/i.test(value)) return '0 3 * * *';
  if (/^hourly$/i.test(value)) return '0 * * * *';
  const fields = value.split(/\s+/);
  if (fields.length !== 5 || !fields.every((f) => CRON_FIELD.test(f))) {
    throw new ConfigError('BACKUP_SCHEDULE', `must be "nightly", "hourly" or a cron expression of five fields (minute hour day month weekday, UTC), e.g. "30 2 * * *"; got "${value}"`);
  }
  return fields.join(' ');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || 'localhost';
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError('PUBLIC_URL', `is not an absolute URL: "${publicUrl}"`);
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  const secretKey = env.SECRET_KEY || undefined;
  if (secretKey && secretKey.length < 32) throw new ConfigError('SECRET_KEY', 'must be at least 32 characters');
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken && metricsToken.length < 24) throw new ConfigError('METRICS_TOKEN', 'must be at least 24 characters');
  const metricsPort = env.METRICS_PORT ? intVar(env, 'METRICS_PORT', 0, 1, 65535) : undefined;
  if (metricsPort !== undefined && metricsPort === port) throw new ConfigError('METRICS_PORT', `must differ from PORT (${port})`);
  const otlpTracesUrl = otlpUrl(env);
  const exchangeCountry = env.EXCHANGE_COUNTRY || undefined;
  if (exchangeCountry && !/^[A-Z]{3}$/.test(exchangeCountry)) throw new ConfigError('EXCHANGE_COUNTRY', `must be an ISO alpha-3 code such as "FRA", got "${exchangeCountry}"`);
  const exchangeAuthorityId = env.EXCHANGE_AUTHORITY || undefined;
  if (exchangeAuthorityId && !/^[A-Za-z0-9._:-]{1,120}$/.test(exchangeAuthorityId)) throw new ConfigError('EXCHANGE_AUTHORITY', 'must be a directory identifier (letters, digits, . _ : -)');
  const exchangeNodeId = env.EXCHANGE_NODE_ID || new URL(publicUrl).host;
  if (!/^[A-Za-z0-9._:-]{1,200}$/.test(exchangeNodeId)) throw new ConfigError('EXCHANGE_NODE_ID', 'must be 1 to 200 letters, digits or . _ : -');
  return {
    exchangeNodeId,
    exchangeNodeName: env.EXCHANGE_NODE_NAME || `Palermo at ${new URL(publicUrl).host}`,
    exchangeCountry,
    exchangeAuthorityId,
    port,
    host,
    dataDir,
    databaseUrl,
    databasePoolMax: intVar(env, 'DATABASE_POOL_MAX', 10, 1, 1000),
    logLevel,
    demo: boolVar(env, 'PALERMO_DEMO', true),
    publicUrl,
    publicUrlSet: Boolean(env.PUBLIC_URL),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    rateLimitPerMinute: intVar(env, "RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000),
    smtpUrl,
    mailFrom: env.MAIL_FROM || `Palermo <no-reply@${new URL(publicUrl).hostname}>`,
    secretKey,
    sessionIdleMinutes: intVar(env, 'SESSION_IDLE_MINUTES', 60, 1, 7 * 24 * 60),
    sessionMaxHours: intVar(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 90),
    signinMaxFailures: intVar(env, 'SIGNIN_MAX_FAILURES', 5, 1, 1000),
    signinLockMinutes: intVar(env, 'SIGNIN_LOCK_MINUTES', 15, 1, 24 * 60),
    searchCacheMb: intVar(env, 'SEARCH_CACHE_MB', 32, 0, 4096),
    searchTermsMb: intVar(env, 'SEARCH_TERMS_MB', 64, 0, 4096),
    caseworkMaxUploadMb: intVar(env, 'CASEWORK_MAX_UPLOAD_MB', 50, 1, 2048),
    exchangeChunkMaxAgeHours: intVar(env, 'EXCHANGE_CHUNK_MAX_AGE_HOURS', 72, 1, 24 * 365),
    exchangeRetrievalHours: intVar(env, 'EXCHANGE_RETRIEVAL_HOURS', 168, 1, 24 * 365),
    backupDir: path.resolve(env.BACKUP_DIR || path.join(dataDir, 'backups')),
    backupKeyFile: env.BACKUP_KEY_FILE ? path.resolve(env.BACKUP_KEY_FILE) : undefined,
    backupSchedule: parseBackupSchedule(env.BACKUP_SCHEDULE),
    backupKeep: intVar(env, 'BACKUP_KEEP', 7, 1, 10_000),
    metricsToken,
    metricsPort,
    otlpTracesUrl,
    otelServiceName: env.OTEL_SERVICE_NAME || 'palermo',
  };
}

function otlpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const check = (name: string, value: string) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(name, `is not an absolute URL: "${value}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, 'must start with http:// or https://');
    return url.href;
  };
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return check('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return check('OTEL_EXPORTER_OTLP_ENDPOINT', env.OTEL_EXPORTER_OTLP_ENDPOINT).replace(/\/*$/, '/v1/traces');
  return undefined;
}
