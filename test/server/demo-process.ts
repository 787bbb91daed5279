/**
 * The demo town's script (`npm start`'s server, demo/scripts/serve.ts) in its own
 * process on a test database, as a user runs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { TestDatabase } from './harness.js';

export interface Demo {
  url: string;
  stop(): Promise<void>;
}

export async function startDemo(database: TestDatabase, env: Record<string, string>): Promise<Demo> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'demo/scripts/serve.ts', '--port', '0', '--host', '127.0.0.1', ...database.cli.args], {
    env: { ...process.env, CITYLAB_LOG: 'silent', ...database.cli.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`the demo exited: ${out}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
