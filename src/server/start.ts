/**
 * Opens the storage and runs the endpoint: the HTTP app, the sweeper (expiry,
 * erasure, mail) and a graceful shutdown. `citylab-server serve` is this with
 * settings from the environment; the demo town's script is this plus its site.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { ConfigError, NO_RATE_LIMIT, PUBLIC_URL_MISSING, type ServerConfig, type StorageConfig } from './config.js';
import { createLogger, type Logger } from './log.js';
import { SDK_DIR, SERVER_VERSION } from './package-files.js';
import { startJobs } from './reservations/jobs.js';
import { startFeedJobs, type FeedJobs } from './inventory-feed-job.js';
import { createMailer } from './reservations/mail.js';
import { PostgresStorage } from './storage/postgres.js';
import { SqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/types.js';

/** PostgreSQL when a URL is given, else the SQLite file; migrations applied. */
export async function openStorage(config: StorageConfig, onError?: (err: Error) => void): Promise<Storage> {
  const storage = config.url
    ? new PostgresStorage({ url: config.url, schema: config.schema, poolSize: config.poolSize, onError })
    : new SqliteStorage({ file: config.file });
  await storage.init();
  return storage;
}

export interface StartOptions extends Omit<ServerConfig, 'storage'> {
  storage: Storage;
  logger?: Logger;
  /** Static sites served beside the API, e.g. the demo town's pages at `/demo/`. */
  sites?: AppOptions['sites'];
  /** Serve the mail outbox at `/v1/demo/outbox` (the demo town without SMTP). Never in production. */
  demoOutbox?: boolean;
  /**
   * The demo town: without `publicUrl`, links point to the address it listens on (loopback).
   * Anything else refuses to start without `publicUrl`.
   */
  demo?: boolean;
  /** Stop gracefully on SIGINT and SIGTERM (default true). */
  handleSignals?: boolean;
}

export interface RunningServer {
  /** `http://host:port`, as a browser on this machine reaches it. */
  url: string;
  storage: Storage;
  /** Drains and stops: no new connections, requests under way finish, the sweeper's round ends, the storage closes. */
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { storage } = options;
  if (!options.publicUrl && !options.demo) throw new ConfigError(PUBLIC_URL_MISSING);
  const logger = options.logger ?? createLogger(options.logLevel);
  // Where the data is, never how to log in to it.
  logger.info('storage', storage instanceof PostgresStorage ? { kind: storage.kind, schema: storage.schema } : { kind: storage.kind });
  if (!options.adminKey) logger.info('no-admin-key', { hint: 'set CITYLAB_ADMIN_KEY to enable the operator routes' });
  if (options.reservationLimitsOff) logger.info('reservation-limits-off', { hint: 'CITYLAB_RESERVATION_LIMITS=off is for test runs; unset it in production' });
  let draining = false;
  const mailer = createMailer(storage, { smtpUrl: options.smtpUrl, from: options.mailFrom, logger });
  // The app is made once the port is known: the demo's links point to the address it listens on.
  let app: ReturnType<typeof createApp> | undefined;
  let feedJobs: FeedJobs | undefined;
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: (req, env) => app!.fetch(req, env), port: options.port, hostname: options.host }, () => resolve(s as Server)) as Server;
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  app = createApp({
    mailer,
    storage,
    adminKey: options.adminKey,
    version: SERVER_VERSION,
    sdkDir: SDK_DIR,
    sites: options.sites,
    logger,
    draining: () => draining,
    publicUrl: options.publicUrl ?? url,
    // "Jetzt abrufen" starts a round at once; the rounds start below, once the app is made.
    feeds: { allowPrivate: options.feedAllowPrivate, runNow: () => feedJobs?.runNow() },
    reservations: {
      trustProxy: options.trustProxy,
      demoOutbox: options.demoOutbox ?? false,
      // The cap on open holds per e-mail address stays: it is a rule of the shops, not a rate limit.
      ...(options.reservationLimitsOff ? { perClient: NO_RATE_LIMIT, perStore: NO_RATE_LIMIT } : {}),
    },
  });
  if (!options.smtpUrl) logger.info('no-smtp', { hint: 'set SMTP_URL to send reservation mails; until then they wait in the outbox' });
  const stopJobs = startJobs({ storage, mailer, log: logger, retentionDays: options.retentionDays, intervalMs: options.sweepMs });
  if (options.feedAllowPrivate) logger.info('feed-allow-private', { hint: 'CITYLAB_FEED_ALLOW_PRIVATE=1 lets stock feeds reach loopback and private addresses: for tests only' });
  feedJobs = startFeedJobs({ storage, mailer, log: logger, publicUrl: options.publicUrl ?? url, allowPrivate: options.feedAllowPrivate, intervalMs: options.sweepMs });

  // Graceful shutdown: readiness turns 503 (after drainMs the balancer has noticed), no new
  // connections, requests under way finish, the sweeper's round ends, the storage closes.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      draining = true;
      if (options.drainMs) await new Promise((r) => setTimeout(r, options.drainMs));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections are closed at once, busy ones as soon as their answer is out.
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      await closed;
      clearInterval(idle);
      await Promise.all([stopJobs(), feedJobs?.stop()]);
      await storage.close();
    })());

  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      logger.info('shutdown', { signal, drain_ms: options.drainMs });
      // Whatever still runs after shutdownMs more is cut off (exit 1).
      setTimeout(() => {
        logger.error('shutdown-timeout', { after_ms: options.shutdownMs });
        process.exit(1);
      }, options.drainMs + options.shutdownMs).unref();
      void stop().then(() => {
        logger.info('shutdown-complete', {});
        process.exit(0);
      });
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url, storage, stop };
}
