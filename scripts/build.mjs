#!/usr/bin/env node
/**
 * `npm run build`: bundles, declaration files, the custom-elements manifest, and
 * the demo site. Stops at the first step that fails, with its exit code.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };

/** Runs one command with inherited stdio; resolves with its exit code. */
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`build: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const steps = [
  { name: 'bundles (rollup)', command: 'rollup', args: ['-c', 'rollup.config.mjs'] },
  { name: 'declarations (tsc)', command: 'tsc', args: ['-p', 'tsconfig.build.json'] },
  { name: 'custom-elements.json (cem)', command: 'cem', args: ['analyze', '--litelement'] },
];
if (existsSync(path.join(root, 'demo/scripts/build.ts'))) {
  steps.push({
    name: 'demo site (demo/scripts/build.ts)',
    command: process.execPath,
    args: ['--import', 'tsx', 'demo/scripts/build.ts'],
  });
} else {
  console.log('build: demo/scripts/build.ts not found, skipping the demo site');
}

// Stale lazy chunks from an earlier build would otherwise ship with the package.
rmSync(path.join(root, 'dist'), { recursive: true, force: true });

for (const [index, step] of steps.entries()) {
  console.log(`build: [${index + 1}/${steps.length}] ${step.name}`);
  const started = Date.now();
  const code = await run(step.command, step.args);
  if (code !== 0) {
    console.error(`build: ${step.name} FAILED (exit ${code})`);
    process.exit(code);
  }
  console.log(`build: ${step.name} ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const cli = path.join(root, 'dist/server/cli.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
console.log('build: done');
