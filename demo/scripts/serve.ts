/**
 * `npm start`: the demo town of Arnsberg, served by the real endpoint from a
 * real database. The same endpoint as `citylab-server serve` (same settings
 * from the environment: PORT, DATABASE_URL, SMTP_URL, …), plus what only the
 * demo has: the fictional town seeded into an empty database, the demo site at
 * `/demo/`, and, without a mail server, the outbox shown on `/demo/outbox.html`.
 *
 *   node --import tsx demo/scripts/serve.ts [--db FILE] [--port N] [--host H]
 *   (CITYLAB_DATA_DIR: the folder for the SQLite file and the demo keys, ./data/ by default)
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, configFromEnv, createLogger, openStorage, startServer } from 'citylab-server';
import { isDemoTown, seedDemo } from './seed.js';

const DEMO_SITE = fileURLToPath(new URL('../dist', import.meta.url));
/** Where the demo keeps its SQLite file and the demo shops' keys (`CITYLAB_DATA_DIR`, default ./data/). */
const DATA_DIR = process.env.CITYLAB_DATA_DIR || fileURLToPath(new URL('../../data', import.meta.url));

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
try {
  const config = configFromEnv(process.env, { db: values.db ?? process.env.CITYLAB_DB ?? join(DATA_DIR, 'citylab.db'), port: values.port, host: values.host });
  const logger = createLogger(config.logLevel);
  const storage = await openStorage(config.storage, (err) => logger.error('database-connection', { message: err.message }));
  if (await storage.isEmpty()) {
    // The demo shops' keys go to a file beside the database (mode 0600), never to the log.
    const keysFile = config.storage.url
      ? join(DATA_DIR, `demo-keys.${config.storage.schema ?? 'public'}.txt`)
      : config.storage.file === ':memory:' ? null : `${config.storage.file}.demo-keys.txt`;
    const seeded = await seedDemo(storage, keysFile);
    logger.info('demo-seeded', { ...seeded, keys_file: keysFile });
  }
  const server = await startServer({
    ...config,
    storage,
    logger,
    sites: [{ prefix: '/demo', dir: DEMO_SITE }],
    // Without CITYLAB_PUBLIC_URL the demo's links point to the loopback address it listens on.
    demo: true,
    // The demo town without SMTP shows its mails on /demo/outbox.html (to loopback clients only),
    // and only on a database that holds the demo town and no other shop.
    demoOutbox: !config.smtpUrl && (await isDemoTown(storage)),
  });
  process.stdout.write(`CityLab demo town listening on ${server.url} (open ${server.url}/demo/)\n`);
} catch (err) {
  process.stderr.write(`demo: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(2);
}
