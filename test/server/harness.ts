/** Starts the real endpoint over real HTTP on a temporary SQLite database. */
import { serve, type ServerType } from '@hono/node-server';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { SqliteStorage } from '../../src/server/storage/sqlite.js';
import { ADMIN_KEY } from '../fixtures/town.js';

export interface RunningEndpoint {
  url: string;
  server: ServerType;
  storage: SqliteStorage;
  dir: string;
  close(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'citylab-test-'));
}

export async function startEndpoint(options: { now?: () => Date; dir?: string; app?: Partial<AppOptions> } = {}): Promise<RunningEndpoint> {
  const dir = options.dir ?? tempDir();
  const storage = new SqliteStorage({ file: join(dir, 'test.db') });
  await storage.init();
  const app = createApp({ storage, adminKey: ADMIN_KEY, version: 'test', ...(options.now ? { now: options.now } : {}), ...options.app });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    storage,
    dir,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The endpoint as the CLI runs it, in its own process (for restart and crash tests). */
export async function startProcess(dbFile: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', '0', '--db', dbFile, ...extraArgs], {
    env: { ...process.env, CITYLAB_ADMIN_KEY: ADMIN_KEY, CITYLAB_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`endpoint did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`endpoint exited with ${code}: ${out}`)));
  });
  return {
    url,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export const adminHeaders = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };
export const keyHeaders = (key: string, type = 'application/json') => ({ Authorization: `Bearer ${key}`, 'Content-Type': type });
