/**
 * A second real endpoint for the browser tests, serving a folder beside its API at `/demo/`
 * the way the demo town serves its 3D models, posters and USDZ files (demo/scripts/serve.ts):
 *
 *   node --import tsx test/browser/site-endpoint.ts --db FILE --port N --site DIR
 *
 * with CITYLAB_ADMIN_KEY and CITYLAB_PUBLIC_URL in the environment. Started by
 * test/browser/site-endpoint.mjs.
 */
import { parseArgs } from 'node:util';
import { configFromEnv, createLogger, openStorage, startServer } from 'citylab-server';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, site: { type: 'string' } } });
const config = configFromEnv(process.env, { db: values.db, port: values.port, host: '127.0.0.1' });
const logger = createLogger(config.logLevel);
const storage = await openStorage(config.storage);
const server = await startServer({ ...config, storage, logger, sites: [{ prefix: '/demo', dir: values.site! }] });
process.stdout.write(`listening on ${server.url}\n`);
