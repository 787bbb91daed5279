/**
 * Where the browser tests find the real endpoint that web-test-runner.config.mjs
 * started for this run (a fresh database each run), and the admin key it was
 * started with.
 */
export interface TestEnv {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  /** Value of CITYLAB_ADMIN_KEY for the test endpoint. */
  adminKey: string;
  /** A server that accepts connections and never answers (test/browser/servers.mjs). */
  blackhole: string;
  /** A tile server on another origin than the endpoint, counting tile requests. */
  tiles: string;
  /** `${latency}/ms-300` is the endpoint answering 300 ms late (test/browser/servers.mjs). */
  latency: string;
  /** An endpoint that answers every request with something that is not the contract (test/browser/servers.mjs). */
  garbage: string;
  /** A loopback port nothing listens on: connection refused. */
  refused: string;
  /** citylab-sdk's version (packages/citylab-sdk/package.json): the built bundle is also served under it. */
  sdkVersion: string;
}

declare global {
  // Set by the `testRunnerHtml` of web-test-runner.config.mjs before any test module runs.
  // eslint-disable-next-line no-var
  var __CITYLAB_TEST__: TestEnv | undefined;
}

function readTestEnv(): TestEnv {
  const env = globalThis.__CITYLAB_TEST__;
  if (!env || typeof env.endpoint !== 'string' || typeof env.adminKey !== 'string') {
    throw new Error(
      'window.__CITYLAB_TEST__ is missing: run the browser tests with web-test-runner.config.mjs (npm test), which starts the test endpoint and injects it.',
    );
  }
  return env;
}

export const testEnv: TestEnv = readTestEnv();
