/**
 * Starts the real endpoint over real HTTP on a fresh database of each backend:
 * SQLite always (a temporary file), PostgreSQL too when TEST_DATABASE_URL is set
 * (a schema of its own per database, dropped afterwards). A test file runs its
 * suite once per entry of BACKENDS.
 */
import { serve, type ServerType } from '@hono/node-server';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { SDK_DIR } from '../../src/server/package-files.js';
import { PostgresStorage } from '../../src/server/storage/postgres.js';
import { SqliteStorage } from '../../src/server/storage/sqlite.js';
import type { Storage } from '../../src/server/storage/types.js';
import { ADMIN_KEY } from '../fixtures/town.js';

export type Backend = 'sqlite' | 'postgres';

/** e.g. postgres://postgres@127.0.0.1:5432/test — set by .ci/run; then every suite runs on PostgreSQL as well. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const BACKENDS: readonly Backend[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** One empty database that one or several endpoints (in this process or their own) share. */
export interface TestDatabase {
  backend: Backend;
  /** A storage on this database, as another instance or the operator's CLI has it. */
  open(): Promise<Storage>;
  /** Flags and environment that make `citylab-server` use this database. */
  cli: { args: string[]; env: Record<string, string> };
  /** A query for what the API does not show. `?` placeholders; integers come back as numbers if cast. */
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'citylab-test-'));
}

const SCHEMA_PREFIX = 'citylab_test_';
/** Schemas left by a test run that was killed are dropped by a later run after this long. */
const STALE_MS = 6 * 3_600_000;
let staleSwept = false;

export async function createDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'sqlite') {
    const dir = tempDir();
    const file = join(dir, 'test.db');
    let checker: SqliteStorage | undefined;
    return {
      backend,
      async open() {
        const storage = new SqliteStorage({ file });
        await storage.init();
        return storage;
      },
      cli: { args: ['--db', file], env: {} },
      async sql<T>(query: string, ...params: unknown[]) {
        if (!checker) {
          checker = new SqliteStorage({ file });
          await checker.init();
        }
        const statement = checker.db.prepare(query);
        if (statement.reader) return statement.all(...params) as T[];
        statement.run(...params);
        return [];
      },
      async drop() {
        await checker?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const url = TEST_DATABASE_URL;
  const schema = `${SCHEMA_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  if (!staleSwept) {
    staleSwept = true;
    const { rows } = await admin.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [`${SCHEMA_PREFIX}%`]);
    for (const { nspname } of rows) {
      const born = parseInt(nspname.slice(SCHEMA_PREFIX.length).split('_')[0]!, 36);
      if (Date.now() - born > STALE_MS) await admin.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
    }
  }
  let checker: pg.Pool | undefined;
  return {
    backend,
    async open() {
      const storage = new PostgresStorage({ url, schema });
      await storage.init();
      return storage;
    },
    cli: { args: [], env: { DATABASE_URL: url, DATABASE_SCHEMA: schema } },
    async sql<T>(query: string, ...params: unknown[]) {
      checker ??= new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
      let n = 0;
      return (await checker.query(query.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    },
    async drop() {
      await checker?.end();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export interface RunningEndpoint {
  url: string;
  server: ServerType;
  storage: Storage;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The endpoint in this process on `database` (a fresh one of `backend` unless given; then it is dropped on close). */
export async function startEndpoint(
  options: { backend?: Backend; database?: TestDatabase; now?: () => Date; host?: string; app?: Partial<Omit<AppOptions, 'publicUrl'>> & { publicUrl?: string } } = {},
): Promise<RunningEndpoint> {
  const database = options.database ?? (await createDatabase(options.backend ?? 'sqlite'));
  const storage = await database.open();
  // The app is made once the port is known: its links point to this endpoint (CITYLAB_PUBLIC_URL).
  let app: ReturnType<typeof createApp> | undefined;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (req, env) => app!.fetch(req, env), port: 0, hostname: options.host ?? '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  // The built citylab-sdk, as `citylab-server serve` serves it (npm test builds it first).
  app = createApp({
    storage, adminKey: ADMIN_KEY, version: 'test', sdkDir: SDK_DIR, publicUrl: `http://127.0.0.1:${address.port}`,
    ...(options.now ? { now: options.now } : {}), ...options.app,
  });
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    storage,
    database,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as import('node:http').Server).closeIdleConnections();
      });
      await storage.close();
      if (!options.database) await database.drop();
    },
  };
}

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The endpoint as the CLI runs it, in its own process (for restarts, crashes and several instances). */
export async function startProcess(database: TestDatabase, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningProcess> {
  // The port is decided first: CITYLAB_PUBLIC_URL, which the endpoint requires, names it.
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', String(port), ...database.cli.args, ...extraArgs], {
    env: { ...process.env, CITYLAB_ADMIN_KEY: ADMIN_KEY, CITYLAB_LOG: 'silent', CITYLAB_PUBLIC_URL: `http://127.0.0.1:${port}`, ...database.cli.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`endpoint did not start: ${out}`));
    }, 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`endpoint exited with ${code}: ${out}`)));
  });
  return {
    url,
    child,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A loopback port nobody listens on just now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The CLI's own commands (`store add` …) on `database`. */
export function cliCommand(database: TestDatabase, ...args: string[]): { args: string[]; env: NodeJS.ProcessEnv } {
  return { args: ['--import', 'tsx', 'src/server/cli.ts', ...args, ...database.cli.args], env: { ...process.env, ...database.cli.env } };
}

export const adminHeaders = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };
export const keyHeaders = (key: string, type = 'application/json') => ({ Authorization: `Bearer ${key}`, 'Content-Type': type });

/** Runs `total` tasks with `concurrency` at once. */
export async function pool<T>(total: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(total);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      results[i] = await task(i);
    }
  }));
  return results;
}
