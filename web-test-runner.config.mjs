/**
 * Browser tests run in headless Chromium against a real endpoint: the plugin
 * below starts `src/server/cli.ts serve` on a free loopback port with a fresh
 * SQLite file, waits for its "listening on" line, hands the URL and the admin key
 * to the page as `window.__CITYLAB_TEST__` (read it through test/browser/test-env.ts),
 * and stops the server when the runner stops.
 *
 * `npm test` (scripts/test.mjs) sets CHROME_PATH; run alone with
 * `npx wtr --config web-test-runner.config.mjs`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { citylabPeersPlugin } from './test/browser/servers.mjs';
import { citylabArModelsPlugin } from './test/browser/ar-models-server.mjs';
import { citylabReactPlugin } from './test/browser/react-modules.mjs';
import { hostPagesMiddleware } from './test/browser/host-pages.mjs';
import { citylabSiteEndpointPlugin } from './test/browser/site-endpoint.mjs';

const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';
const SERVER_CLI = 'src/server/cli.ts';
const START_TIMEOUT_MS = 30_000;
const LISTENING = /listening on (http:\/\/\S+)/;

/** A loopback port nobody listens on just now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the endpoint; resolves once it prints its URL. */
async function startEndpoint(state) {
  state.dir = mkdtempSync(path.join(tmpdir(), 'citylab-wtr-'));
  // The port is decided first: CITYLAB_PUBLIC_URL, which the endpoint requires, names it.
  const port = await freePort();
  const args = ['--import', 'tsx', SERVER_CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', '--db', path.join(state.dir, 'test.db')];
  const child = spawn(process.execPath, args, {
    // Every reservation in the browser tests comes from one loopback address: the per-connection
    // and per-shop limits are lifted (the cap on open holds per e-mail address stays).
    env: {
      ...process.env, CITYLAB_ADMIN_KEY: ADMIN_KEY, CITYLAB_LOG: 'silent', CITYLAB_RESERVATION_LIMITS: 'off',
      CITYLAB_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  state.child = child;

  return new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const settle = (error, url) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(url);
    };
    const tail = () => (output.trim() ? `\n--- server stdout ---\n${output.trim().slice(-2000)}` : ' (its stderr is above)');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(new Error(`test endpoint (node ${args.join(' ')}) did not print "listening on http://..." within ${START_TIMEOUT_MS / 1000} s${tail()}`));
    }, START_TIMEOUT_MS);

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      // Keep draining stdout after the match so a chatty server never blocks on a full pipe.
      if (settled) return;
      output += chunk;
      const match = LISTENING.exec(output);
      if (match) settle(null, match[1].replace(/\/+$/, ''));
    });
    child.stderr.setEncoding('utf8');
    // stderr goes straight to ours, so a crash is visible also after the server started.
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => settle(new Error(`could not start the test endpoint: ${error.message}`)));
    child.on('exit', (code, signal) => {
      state.child = undefined;
      if (!settled) {
        settle(new Error(`test endpoint exited (${signal ?? `code ${code}`}) before listening${tail()}`));
      } else if (!state.stopping) {
        console.error(`\ncitylab: the test endpoint exited during the tests (${signal ?? `code ${code}`})`);
      }
    });
  });
}

/** Synchronous, so it also works from process.on('exit'). */
function cleanUp(state) {
  state.stopping = true;
  state.child?.kill('SIGKILL');
  state.child = undefined;
  if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  state.dir = undefined;
}

async function stopEndpoint(state) {
  state.stopping = true;
  const child = state.child;
  if (child) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }
  cleanUp(state);
}

/** The endpoint's lifecycle follows the dev server's. */
function citylabEndpointPlugin(state) {
  return {
    name: 'citylab-test-endpoint',
    async serverStart() {
      process.once('exit', () => cleanUp(state));
      state.endpoint = await startEndpoint(state);
    },
    async serverStop() {
      await stopEndpoint(state);
    },
  };
}

const endpointState = {};

/** Inline script; `<` escaped so no value can close the script element. */
const testEnvScript = () => {
  if (!endpointState.endpoint) throw new Error('citylab: the test endpoint has not started');
  const json = JSON.stringify({
    endpoint: endpointState.endpoint,
    adminKey: ADMIN_KEY,
    blackhole: endpointState.blackhole,
    tiles: endpointState.tiles,
    latency: endpointState.latency,
    garbage: endpointState.garbage,
    refused: endpointState.refused,
    sdkVersion: JSON.parse(readFileSync(new URL('./packages/citylab-sdk/package.json', import.meta.url), 'utf8')).version,
  }).replace(/</g, '\\u003c');
  return `<script>window.__CITYLAB_TEST__ = ${json};</script>`;
};

export default {
  files: ['test/browser/**/*.test.ts', 'test/browser/**/*.test.tsx'],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  // Tests run Lit's development build on purpose (extra checks); its banner is noise.
  // A shop's page of its own (test/browser/host-pages.mjs), with the snippet, a CSP, two copies, …
  middleware: [hostPagesMiddleware(endpointState)],
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  plugins: [
    citylabEndpointPlugin(endpointState),
    citylabPeersPlugin(endpointState),
    // The demo's 3D models through the model pipeline, on a model host of their own (the viewer's tests).
    citylabArModelsPlugin(),
    // A second endpoint serving 3D files from its own site folder (model-cors.test.ts).
    citylabSiteEndpointPlugin({ adminKey: ADMIN_KEY }),
    // React (CommonJS) bundled into ES modules for test/browser/react.test.tsx.
    citylabReactPlugin(),
    // `.css` imports arrive as text, as the rollup build makes them (see rollup.config.mjs);
    // `.tsx` gets React's automatic JSX runtime from the tsconfig's `jsx`.
    esbuildPlugin({ ts: true, tsx: true, target: 'es2022', tsconfig: './tsconfig.json', loaders: { '.css': 'text' } }),
  ],
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head>${testEnvScript()}</head><body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--use-angle=swiftshader',
          '--enable-unsafe-swiftshader',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
