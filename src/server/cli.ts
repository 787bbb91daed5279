/**
 * `citylab-server`: runs the city availability endpoint and does the town
 * operator's chores (adding shops, rotating keys) on the same database.
 *
 *   citylab-server serve [--port 8787] [--host 127.0.0.1] [--db ./data/citylab.db]
 *     (PostgreSQL instead of the SQLite file when DATABASE_URL is set)
 *   citylab-server store add --name "…" --street "…" --postal-code 59821 --city Arnsberg --lat 51.39 --lon 8.06 [--id …] [--email …] [--phone …] [--website …]
 *     [--hours "Mo-Fr 09:30-18:30; Sa 10:00-16:00"] [--click-collect on] [--ready-within 120] [--hold-days 2]
 *   citylab-server store set <store-id> [--hours …] [--click-collect on|off] [--ready-within MIN] [--hold-days N] [--show-quantities on|off] …
 *   citylab-server store show <store-id> | store list | store rotate-key <store-id>
 *   citylab-server town set --name "Arnsberg" --lat 51.39 --lon 8.06 [--zoom 16] [--time-zone Europe/Berlin] | town show
 *   (every command takes --db FILE, or uses DATABASE_URL)
 */
import { parseArgs } from 'node:util';
import { ConfigError, configFromEnv } from './config.js';
import { storeCommand, townCommand, UsageError } from './cli-operator.js';
import { createLogger } from './log.js';
import { openStorage, startServer } from './start.js';

const USAGE = `Usage:
  citylab-server serve [--port N] [--host H] [--db FILE]
  citylab-server town set --name NAME --lat LAT --lon LON [--zoom 16] [--time-zone Europe/Berlin] [--db FILE]
  citylab-server town show [--db FILE]
  citylab-server store add --name NAME --street STREET --postal-code CODE --city CITY --lat LAT --lon LON
      [--hours "Mo-Fr 09:30-18:30; Sa 10:00-16:00"] [--click-collect on] [--ready-within MINUTES] [--hold-days DAYS]
      [--id ID] [--email E] [--phone P] [--website URL] [--show-quantities on|off] [--db FILE]
  citylab-server store set STORE_ID [--hours …] [--click-collect on|off] [--ready-within MINUTES] [--hold-days DAYS]
      [--show-quantities on|off] [--name …] [--email …] [--phone …] [--website …] [--db FILE]
  citylab-server store show STORE_ID [--db FILE]
  citylab-server store rotate-key STORE_ID [--db FILE]
  citylab-server store list [--db FILE]

Hours: days (Mo Di Mi Do Fr Sa So, or mon … sun; ranges Mo-Fr, lists Mo,Mi) then times; groups separated by ";".
  Several times a day for a lunch break: "Mo-Fr 09:30-13:00 14:00-18:30; Sa 10:00-14:00". Days not named are closed.

Environment: PORT (8787), HOST (127.0.0.1), CITYLAB_DB (./data/citylab.db), CITYLAB_ADMIN_KEY, CITYLAB_LOG (info|error|silent),
  DATABASE_URL (postgres://…: PostgreSQL instead of CITYLAB_DB), DATABASE_SCHEMA (public), DATABASE_POOL_SIZE (10),
  CITYLAB_DRAIN_MS (0), CITYLAB_SHUTDOWN_MS (10000),
  SMTP_URL, MAIL_FROM, CITYLAB_PUBLIC_URL, CITYLAB_RETENTION_DAYS (30), CITYLAB_SWEEP_MS (30000), TRUST_PROXY (1 behind your proxy),
  CITYLAB_RESERVATION_LIMITS (on; "off" lifts the per-connection and per-shop limits on new reservations, for test runs only),
  CITYLAB_FEED_ALLOW_PRIVATE (off; "1" lets shops' stock feeds be http and on loopback or private addresses, for tests only)`;

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
      hours: { type: 'string' },
      'click-collect': { type: 'string' },
      'ready-within': { type: 'string' },
      'hold-days': { type: 'string' },
      'show-quantities': { type: 'string' },
      zoom: { type: 'string' },
      'time-zone': { type: 'string' },
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

  if (command === 'store' || command === 'town') {
    const storage = await openStorage(config.storage);
    try {
      const out = (text: string) => void process.stdout.write(text);
      if (command === 'store') await storeCommand(storage, sub, arg, values, out);
      else await townCommand(storage, sub, values, out);
    } catch (err) {
      if (err instanceof UsageError) fail(`${err.message}\n\n${USAGE}`);
      throw err;
    } finally {
      await storage.close();
    }
    return;
  }
  fail(`unknown command "${command}"\n${USAGE}`);
}

main(process.argv.slice(2)).catch((err: unknown) => fail(err instanceof ConfigError ? err.message : (err as Error).message));
