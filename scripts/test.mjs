#!/usr/bin/env node
/**
 * `npm test`: build the three packages, type-check, browser tests
 * (web-test-runner in headless Chromium, against a real endpoint), then the
 * server tests and the package tests (each package packed and installed into a
 * fresh consumer) with node's test runner.
 *
 * Every step runs even when an earlier one failed, so one run shows everything;
 * the exit code is non-zero if any step failed. The server tests run last so
 * that node's closing counts are the last test output in a CI log.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'node_modules', '.bin');

/** Runs one command with inherited stdio; resolves with its exit code. */
const run = (command, args, extraEnv = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, ...extraEnv },
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`test: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

/** `dir/**\/*.test.ts`, recursive and sorted (Node 20's --test does not expand globs). */
const findTests = (dir) => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
};

const chromePath = await findChrome({ install: true });
console.log(`test: browser ${chromePath}`);

const results = [];
const step = async (name, command, args, extraEnv) => {
  console.log(`\ntest: ── ${name} ──`);
  const code = await run(command, args, extraEnv);
  results.push({ name, status: code === 0 ? 'ok' : `FAILED (exit ${code})` });
};

// The endpoint serves the built citylab-sdk (citylab.js, its decoders), and the package tests pack
// what the build made: everything after this step needs it. The demo town is built too: a server test
// (test/server/demo-journey.test.ts) drives its pages as a shopper and its shop's dashboard as the owner.
await step('build the packages and the demo town (npm run build:demo)', process.execPath, ['scripts/build.mjs', '--demo']);
if (results.at(-1).status !== 'ok') {
  console.error('test: the build failed; nothing else can run');
  process.exit(1);
}

await step('typecheck (tsc --noEmit)', 'tsc', ['--noEmit', '-p', 'tsconfig.json']);

await step('browser tests (web-test-runner)', 'wtr', ['--config', 'web-test-runner.config.mjs'], {
  CHROME_PATH: chromePath,
});

const serverTests = [...findTests(path.join(root, 'test/server')), ...findTests(path.join(root, 'test/packages'))];
if (serverTests.length === 0) {
  console.log('\ntest: no test/server/**/*.test.ts files yet');
  results.push({ name: 'server and package tests (node --test)', status: 'skipped (no files)' });
} else {
  // test/server/harness.ts runs every suite on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
  console.log(`\ntest: server tests on SQLite${process.env.TEST_DATABASE_URL ? ' and PostgreSQL (TEST_DATABASE_URL)' : ' (set TEST_DATABASE_URL to run them on PostgreSQL too)'}`);
  await step('server and package tests (node --test)', process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    ...serverTests,
  ]);
}

console.log('\ntest: summary');
for (const { name, status } of results) console.log(`test:   ${status.padEnd(18)} ${name}`);
process.exit(results.some(({ status }) => status.startsWith('FAILED')) ? 1 : 0);
