/**
 * `citylab-server`: runs the city availability endpoint and does the town
 * operator's chores (adding shops, rotating keys) on the same database.
 *
 *   citylab-server serve [--port 8787] [--host 127.0.0.1] [--db ./data/citylab.db] [--seed-demo]
 *     (PostgreSQL instead of the SQLite file when DATABASE_URL is set)
 *   citylab-server store add --name "…" --street "…" --postal-code 59821 --city Arnsberg --lat 51.39 --lon 8.06 [--id …] [--email …] [--phone …] [--website …]
 *   citylab-server store rotate-key <store-id>
 *   citylab-server store list
 */
import { serve } from '@hono/node-server';
import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { hashKey, newStoreKey } from './keys.js';
import { createLogger, type LogLevel } from './log.js';
import { DEMO_DIR, PACKAGE_VERSION, SDK_DIR } from './paths.js';
import { seedDemo } from './seed-demo.js';
import { SqliteStorage } from './storage/sqlite.js';
import { PostgresStorage } from './storage/postgres.js';
import type { Storage } from './storage/types.js';
import { StoreCreate } from '../shared/schemas.js';
import { issuesToErrors } from './problem.js';
import { newStore, slugify } from './stores.js';
import { startJobs } from './reservations/jobs.js';
import { createMailer } from './reservations/mail.js';

const USAGE = `Usage:
  citylab-server serve [--port N] [--host H] [--db FILE] [--seed-demo]
  citylab-server store add --name NAME --street STREET --postal-code CODE --city CITY --lat LAT --lon LON [--id ID] [--email E] [--phone P] [--website URL]
  citylab-server store rotate-key STORE_ID
  citylab-server store list

Environment: PORT (8787), HOST (127.0.0.1), CITYLAB_DB (./data/citylab.db), CITYLAB_ADMIN_KEY, CITYLAB_LOG (info|error|silent),
  DATABASE_URL (postgres://…: PostgreSQL instead of CITYLAB_DB), DATABASE_SCHEMA (public), DATABASE_POOL_SIZE (10),
  CITYLAB_DRAIN_MS (0), CITYLAB_SHUTDOWN_MS (10000),
  SMTP_URL, MAIL_FROM, CITYLAB_PUBLIC_URL, CITYLAB_RETENTION_DAYS (30), CITYLAB_SWEEP_MS (30000), TRUST_PROXY (1 behind your proxy),
  CITYLAB_RESERVATION_LIMITS (on; "off" lifts the per-connection and per-shop limits on new reservations, for test runs only)`;

/**
 * `CITYLAB_RESERVATION_LIMITS=off`: no per-connection or per-shop limit on new reservations.
 * For test runs, where every reservation comes from one loopback address; never in production.
 * The cap on open holds per e-mail address stays: it is a rule of the shops, not a rate limit.
 */
const NO_RATE_LIMIT = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
function reservationLimitsOff(): boolean {
  const value = (process.env.CITYLAB_RESERVATION_LIMITS ?? '').trim().toLowerCase();
  if (value === '' || value === 'on') return false;
  if (value === 'off') return true;
  fail(`CITYLAB_RESERVATION_LIMITS must be "on" or "off", not "${process.env.CITYLAB_RESERVATION_LIMITS}"`);
}

function fail(message: string): never {
  process.stderr.write(`citylab-server: ${message}\n`);
  process.exit(2);
}

/** PostgreSQL when DATABASE_URL is set, else the SQLite file. */
async function openStorage(file: string, onError?: (err: Error) => void): Promise<Storage> {
  const url = process.env.DATABASE_URL;
  const storage = url
    ? new PostgresStorage({ url, schema: process.env.DATABASE_SCHEMA || undefined, poolSize: envNumber('DATABASE_POOL_SIZE', 10), onError })
    : new SqliteStorage({ file });
  await storage.init();
  return storage;
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number ≥ 0, not "${raw}"`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'seed-demo': { type: 'boolean' },
      id: { type: 'string' },
      name: { type: 'string' },
      street: { type: 'string' },
      'postal-code': { type: 'string' },
      city: { type: 'string' },
      country: { type: 'string' },
      lat: { type: 'string' },
      lon: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      website: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const dbFile = values.db ?? process.env.CITYLAB_DB ?? './data/citylab.db';

  if (command === 'serve') {
    const port = Number(values.port ?? process.env.PORT ?? 8787);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`not a port: ${values.port ?? process.env.PORT}`);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const logger = createLogger((process.env.CITYLAB_LOG as LogLevel | undefined) ?? 'info');
    const storage = await openStorage(dbFile, (err) => logger.error('database-connection', { message: err.message }));
    // Where the data is, never how to log in to it.
    logger.info('storage', storage instanceof PostgresStorage ? { kind: storage.kind, schema: storage.schema } : { kind: storage.kind });
    if (values['seed-demo'] && (await storage.isEmpty())) {
      const keysFile = storage instanceof PostgresStorage ? `./data/demo-keys.${storage.schema}.txt` : dbFile === ':memory:' ? null : `${dbFile}.demo-keys.txt`;
      const seeded = await seedDemo(storage, keysFile);
      logger.info('demo-seeded', { ...seeded, keys_file: keysFile });
    }
    const adminKey = process.env.CITYLAB_ADMIN_KEY || undefined;
    if (!adminKey) logger.info('no-admin-key', { hint: 'set CITYLAB_ADMIN_KEY to enable the operator routes' });
    const smtpUrl = process.env.SMTP_URL || undefined;
    const demo = Boolean(values['seed-demo']);
    let draining = false;
    const limitsOff = reservationLimitsOff();
    if (limitsOff) logger.info('reservation-limits-off', { hint: 'CITYLAB_RESERVATION_LIMITS=off is for test runs; unset it in production' });
    const app = createApp({
      storage,
      adminKey,
      version: PACKAGE_VERSION,
      sdkDir: SDK_DIR,
      demoDir: DEMO_DIR,
      logger,
      draining: () => draining,
      reservations: {
        publicUrl: process.env.CITYLAB_PUBLIC_URL || undefined,
        trustProxy: process.env.TRUST_PROXY === '1',
        // The demo town without SMTP shows its mails on /demo/outbox.html.
        demoOutbox: demo && !smtpUrl,
        ...(limitsOff ? { perClient: NO_RATE_LIMIT, perStore: NO_RATE_LIMIT } : {}),
      },
    });
    const mailer = createMailer(storage, { smtpUrl, from: process.env.MAIL_FROM ?? 'CityLab <noreply@localhost>', logger });
    if (!smtpUrl) logger.info('no-smtp', { hint: 'set SMTP_URL to send reservation mails; until then they wait in the outbox' });
    const stopJobs = startJobs({
      storage,
      mailer,
      log: logger,
      retentionDays: Number(process.env.CITYLAB_RETENTION_DAYS ?? 30),
      intervalMs: Number(process.env.CITYLAB_SWEEP_MS ?? 30_000),
    });
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      process.stdout.write(`CityLab endpoint listening on http://${shown}:${info.port}\n`);
    });
    // Graceful shutdown: readiness turns 503 (after CITYLAB_DRAIN_MS the balancer has noticed), no new
    // connections, requests under way finish, the sweeper's round ends, the pool closes, exit 0.
    // Whatever still runs after CITYLAB_SHUTDOWN_MS more is cut off (exit 1).
    const drainMs = envNumber('CITYLAB_DRAIN_MS', 0);
    const shutdownMs = envNumber('CITYLAB_SHUTDOWN_MS', 10_000);
    const stop = async (signal: NodeJS.Signals) => {
      if (draining) return;
      draining = true;
      logger.info('shutdown', { signal, drain_ms: drainMs });
      setTimeout(() => {
        logger.error('shutdown-timeout', { after_ms: shutdownMs });
        process.exit(1);
      }, drainMs + shutdownMs).unref();
      if (drainMs) await new Promise((r) => setTimeout(r, drainMs));
      const http = server as import('node:http').Server;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Idle keep-alive connections are closed at once, busy ones as soon as their answer is out.
      http.closeIdleConnections();
      const idle = setInterval(() => http.closeIdleConnections(), 100);
      await closed;
      clearInterval(idle);
      await stopJobs();
      await storage.close();
      logger.info('shutdown-complete', {});
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }

  if (command === 'store') {
    const storage = await openStorage(dbFile);
    try {
      if (sub === 'add') {
        const body: Record<string, unknown> = {
          name: values.name,
          address: { street: values.street, postal_code: values['postal-code'], city: values.city, country: values.country ?? 'DE' },
          location: { lat: values.lat === undefined ? undefined : Number(values.lat), lon: values.lon === undefined ? undefined : Number(values.lon) },
        };
        for (const k of ['id', 'email', 'phone', 'website'] as const) if (values[k] !== undefined) body[k] = values[k];
        const parsed = StoreCreate.safeParse(body);
        if (!parsed.success) {
          fail(`the shop is not valid:\n${issuesToErrors(parsed.error.issues).map((e) => `  ${e.path}: ${e.reason}`).join('\n')}`);
        }
        const city = await storage.getCity();
        const id = parsed.data.id ?? slugify(parsed.data.name);
        const key = newStoreKey();
        const store = newStore(parsed.data, id, { time_zone: city?.time_zone ?? 'Europe/Berlin' }, new Date().toISOString());
        if (!(await storage.createStore(store, hashKey(key)))) fail(`a shop with the id "${id}" exists already; give another --id`);
        process.stdout.write(`Added shop "${id}". Its key (shown only now, give it to the shop):\n${key}\n`);
      } else if (sub === 'rotate-key') {
        if (!arg) fail('give the shop id: citylab-server store rotate-key STORE_ID');
        const key = newStoreKey();
        if (!(await storage.setStoreKeyHash(arg, hashKey(key)))) fail(`there is no shop "${arg}"`);
        process.stdout.write(`New key for "${arg}" (the old one no longer works):\n${key}\n`);
      } else if (sub === 'list') {
        for (const s of await storage.listStores()) process.stdout.write(`${s.id}\t${s.name}\n`);
      } else {
        fail(`unknown command "store ${sub ?? ''}"\n${USAGE}`);
      }
    } finally {
      await storage.close();
    }
    return;
  }
  fail(`unknown command "${command}"\n${USAGE}`);
}

main(process.argv.slice(2)).catch((err: unknown) => fail((err as Error).message));
