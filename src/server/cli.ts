/**
 * `citylab-server`: runs the city availability endpoint and does the town
 * operator's chores (adding shops, rotating keys) on the same database.
 *
 *   citylab-server serve [--port 8787] [--host 127.0.0.1] [--db ./data/citylab.db]
 *     (PostgreSQL instead of the SQLite file when DATABASE_URL is set)
 *   citylab-server store add --name "…" --street "…" --postal-code 59821 --city Arnsberg --lat 51.39 --lon 8.06 [--id …] [--email …] [--phone …] [--website …]
 *   citylab-server store rotate-key <store-id>
 *   citylab-server store list
 */
import { parseArgs } from 'node:util';
import { StoreCreate } from 'citylab-sdk/contract';
import { ConfigError, configFromEnv } from './config.js';
import { hashKey, newStoreKey } from './keys.js';
import { createLogger } from './log.js';
import { issuesToErrors } from './problem.js';
import { openStorage, startServer } from './start.js';
import { newStore, slugify } from './stores.js';

const USAGE = `Usage:
  citylab-server serve [--port N] [--host H] [--db FILE]
  citylab-server store add --name NAME --street STREET --postal-code CODE --city CITY --lat LAT --lon LON [--id ID] [--email E] [--phone P] [--website URL]
  citylab-server store rotate-key STORE_ID
  citylab-server store list

Environment: PORT (8787), HOST (127.0.0.1), CITYLAB_DB (./data/citylab.db), CITYLAB_ADMIN_KEY, CITYLAB_LOG (info|error|silent),
  DATABASE_URL (postgres://…: PostgreSQL instead of CITYLAB_DB), DATABASE_SCHEMA (public), DATABASE_POOL_SIZE (10),
  CITYLAB_DRAIN_MS (0), CITYLAB_SHUTDOWN_MS (10000),
  SMTP_URL, MAIL_FROM, CITYLAB_PUBLIC_URL, CITYLAB_RETENTION_DAYS (30), CITYLAB_SWEEP_MS (30000), TRUST_PROXY (1 behind your proxy),
  CITYLAB_RESERVATION_LIMITS (on; "off" lifts the per-connection and per-shop limits on new reservations, for test runs only)`;

function fail(message: string): never {
  process.stderr.write(`citylab-server: ${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
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
  const config = configFromEnv(process.env, { port: values.port, host: values.host, db: values.db });

  if (command === 'serve') {
    const logger = createLogger(config.logLevel);
    const storage = await openStorage(config.storage, (err) => logger.error('database-connection', { message: err.message }));
    const server = await startServer({ ...config, storage, logger });
    process.stdout.write(`CityLab endpoint listening on ${server.url}\n`);
    return;
  }

  if (command === 'store') {
    const storage = await openStorage(config.storage);
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

main(process.argv.slice(2)).catch((err: unknown) => fail(err instanceof ConfigError ? err.message : (err as Error).message));
