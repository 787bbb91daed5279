/**
 * The endpoint's settings from the environment (and the `--db` flag), read in
 * one place for the CLI and for anything that starts the server from code
 * (the demo town's script). A wrong value stops the start with a sentence that
 * names the variable; nothing is guessed.
 */
import type { Limit } from './rate-limit.js';

export interface StorageConfig {
  /** SQLite file, when `url` is not set. */
  file: string;
  /** PostgreSQL instead of the SQLite file (`DATABASE_URL`). */
  url?: string | undefined;
  schema?: string | undefined;
  poolSize: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  storage: StorageConfig;
  adminKey: string | undefined;
  logLevel: 'info' | 'error' | 'silent';
  smtpUrl: string | undefined;
  mailFrom: string;
  /**
   * `CITYLAB_PUBLIC_URL`: where shoppers and shop pages reach this endpoint. Every link in mails
   * and pages is built from it, never from a request's Host header. `startServer` refuses to
   * start without it, except for the demo town, which uses its own loopback address.
   */
  publicUrl: string | undefined;
  retentionDays: number;
  sweepMs: number;
  trustProxy: boolean;
  /** `CITYLAB_RESERVATION_LIMITS=off`: for test runs, where every reservation comes from one address. */
  reservationLimitsOff: boolean;
  /** `CITYLAB_FEED_ALLOW_PRIVATE=1`: shops' stock feeds may be http and on loopback or private addresses. For tests only; off by default. */
  feedAllowPrivate: boolean;
  drainMs: number;
  shutdownMs: number;
}

export class ConfigError extends Error {}

/** The operator's key opens every shop's data: shorter ones are refused at start-up. */
export const MIN_ADMIN_KEY_LENGTH = 32;

/** No per-connection or per-shop limit (`CITYLAB_RESERVATION_LIMITS=off`). */
export const NO_RATE_LIMIT: Limit = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };

export function configFromEnv(env: NodeJS.ProcessEnv, flags: { port?: string | undefined; host?: string | undefined; db?: string | undefined } = {}): ServerConfig {
  const number = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number ≥ 0, not "${raw}"`);
    return n;
  };
  const portText = flags.port ?? env.PORT ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`not a port: "${portText}"`);
  const logLevel = (env.CITYLAB_LOG || 'info') as ServerConfig['logLevel'];
  if (!['info', 'error', 'silent'].includes(logLevel)) throw new ConfigError(`CITYLAB_LOG must be info, error or silent, not "${env.CITYLAB_LOG}"`);
  const limits = (env.CITYLAB_RESERVATION_LIMITS ?? '').trim().toLowerCase();
  if (!['', 'on', 'off'].includes(limits)) throw new ConfigError(`CITYLAB_RESERVATION_LIMITS must be "on" or "off", not "${env.CITYLAB_RESERVATION_LIMITS}"`);
  const adminKey = env.CITYLAB_ADMIN_KEY || undefined;
  if (adminKey !== undefined && adminKey.length < MIN_ADMIN_KEY_LENGTH) {
    throw new ConfigError(`CITYLAB_ADMIN_KEY is too short (${adminKey.length} characters): use at least ${MIN_ADMIN_KEY_LENGTH} random characters, e.g. from \`openssl rand -base64 32\``);
  }
  return {
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    storage: {
      file: flags.db ?? env.CITYLAB_DB ?? './data/citylab.db',
      url: env.DATABASE_URL || undefined,
      schema: env.DATABASE_SCHEMA || undefined,
      poolSize: number('DATABASE_POOL_SIZE', 10),
    },
    adminKey,
    logLevel,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'CityLab <noreply@localhost>',
    publicUrl: publicUrlFrom(env.CITYLAB_PUBLIC_URL),
    retentionDays: number('CITYLAB_RETENTION_DAYS', 30),
    sweepMs: number('CITYLAB_SWEEP_MS', 30_000),
    trustProxy: env.TRUST_PROXY === '1',
    reservationLimitsOff: limits === 'off',
    feedAllowPrivate: env.CITYLAB_FEED_ALLOW_PRIVATE === '1',
    drainMs: number('CITYLAB_DRAIN_MS', 0),
    shutdownMs: number('CITYLAB_SHUTDOWN_MS', 10_000),
  };
}

/** `CITYLAB_PUBLIC_URL` as an origin with an optional path, without a trailing slash. */
function publicUrlFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(`CITYLAB_PUBLIC_URL must be the endpoint's public address like https://citylab.example.de, not "${raw}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The start-up error when `CITYLAB_PUBLIC_URL` is missing outside the demo. */
export const PUBLIC_URL_MISSING =
  'CITYLAB_PUBLIC_URL is not set: set it to the address shoppers reach this endpoint at (e.g. https://citylab.example.de); links in mails and pages are built from it, never from request headers';
