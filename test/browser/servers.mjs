/**
 * Real network peers for the browser tests, besides the endpoint:
 *
 * - a "black hole": accepts connections and never answers (a slow or hung endpoint);
 * - a tile server on another origin (a third-party tile host), counting the tiles asked for,
 *   so a test can prove no tile was requested before the shopper consented;
 * - a "garbage" endpoint: answers 200 to everything, but not with the contract:
 *   `${garbage}/invalid-json/v1/…` broken JSON, `${garbage}/html/v1/…` an HTML page (a captive
 *   portal, a proxy's error page), `${garbage}/shape/v1/…` JSON of the wrong shape,
 *   `${garbage}/bad-gateway/v1/…` a 502 with an HTML body;
 * - `refused`: a loopback port nothing listens on (connection refused);
 * - a latency proxy: `${latency}/ms-300/v1/...` answers what the endpoint answers, 300 ms later
 *   (a phone on a slow network), so a test can see the loading state for certain;
 *   `${latency}/ms-0/lose-viewer-3d/sdk/citylab.js` loads the SDK through it, except that its lazy
 *   chunk viewer-3d-*.js never arrives (the phone went offline after the page loaded);
 *   `${latency}/ms-0/fail-first-<token>/v1/…` breaks off requests for a URL in the 300 ms after the first.
 *
 * And test-runner commands that drive the real browser and the peers:
 * - `citylab-geolocation` { state: 'granted', lat, lon } | { state: 'denied' }
 * - `citylab-tile-hits` { reset?: boolean } → number of tile requests so far
 * - `citylab-delay-next-answer` { ms } → the next POST through the latency proxy reaches the
 *   endpoint at once, but its answer is held back `ms` (a reply lost on a flaky connection,
 *   after the endpoint has acted: what idempotency keys are for)
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A 1×1 grey PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

export function citylabPeersPlugin(state) {
  let blackhole;
  let tiles;
  const sockets = new Set();
  let tileHits = 0;
  let latency;
  let garbage;
  let delayNextAnswer = 0;
  const failedSince = new Map();
  return {
    name: 'citylab-test-peers',
    async serverStart() {
      blackhole = createNetServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {});
      });
      tiles = createHttpServer((req, res) => {
        if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) tileHits++;
        res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' });
        res.end(PNG);
      });
      latency = createHttpServer((req, res) => {
        // A page closed while its request waits here (a test ends before a slow answer) aborts the
        // request: that is no error of the run, and must not stop the test runner.
        req.on('error', () => {});
        res.on('error', () => {});
        answerLate(req, res).catch(() => res.destroy());
      });
      const answerLate = async (req, res) => {
        const m = /^\/ms-(\d+)(?:\/lose-([a-z0-9-]+))?(?:\/(fail-first-[a-z0-9]+))?(\/.*)$/.exec(req.url ?? '');
        if (!m) return res.writeHead(404).end();
        await sleep(Math.min(Number(m[1]), 5000));
        const [, , lost, failFirst, path] = m;
        // `/fail-first-<token>/v1/…`: requests for a URL under the token break off during 300 ms from the
        // first one (a flaky moment of the connection; the browser's own quick retry of a GET breaks too).
        if (failFirst && req.method !== 'OPTIONS') {
          const since = failedSince.get(req.url) ?? Date.now();
          failedSince.set(req.url, since);
          if (Date.now() - since < 300) return req.socket.destroy();
        }
        // `/lose-finder-tools/sdk/…`: the SDK's lazy chunk finder-tools-*.js never arrives (the phone went offline).
        if (lost && path.split('?')[0].split('/').pop().startsWith(`${lost}-`)) return res.writeHead(503, { 'Access-Control-Allow-Origin': '*' }).end();
        const chunks = [];
        for await (const c of req) chunks.push(c);
        const headers = { ...req.headers };
        delete headers.host;
        const upstream = await fetch(state.endpoint + path, {
          method: req.method,
          headers,
          body: ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : Buffer.concat(chunks),
        });
        const out = {};
        upstream.headers.forEach((v, k) => { if (k !== 'content-encoding' && k !== 'content-length') out[k] = v; });
        const answer = Buffer.from(await upstream.arrayBuffer());
        if (delayNextAnswer && !['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET')) {
          const ms = delayNextAnswer;
          delayNextAnswer = 0;
          // The browser may have given up by then: writing to its closed socket must not throw here.
          res.on('error', () => {});
          await sleep(ms);
        }
        res.writeHead(upstream.status, out);
        res.end(answer);
      };
      garbage = createHttpServer((req, res) => {
        const kind = /^\/([a-z-]+)\//.exec(req.url ?? '')?.[1];
        const cors = { 'Access-Control-Allow-Origin': '*' };
        if (kind === 'invalid-json') return res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end('{"offers": [{"store": ');
        if (kind === 'html') return res.writeHead(200, { ...cors, 'Content-Type': 'text/html' }).end('<!doctype html><title>Anmeldung</title><p>Bitte melden Sie sich im WLAN an.</p>');
        if (kind === 'shape') return res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ offers: 'none', product: 42, name: ['x'], tiles: null, centre: 'here' }));
        if (kind === 'bad-gateway') return res.writeHead(502, { ...cors, 'Content-Type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
        res.writeHead(404, cors).end();
      });
      // A port that was free a moment ago: connecting to it is refused.
      const closed = createNetServer();
      await new Promise((r) => closed.listen(0, '127.0.0.1', r));
      state.refused = `http://127.0.0.1:${closed.address().port}`;
      await new Promise((r) => closed.close(r));
      await Promise.all([
        new Promise((r) => garbage.listen(0, '127.0.0.1', r)),
        new Promise((r) => blackhole.listen(0, '127.0.0.1', r)),
        new Promise((r) => tiles.listen(0, '127.0.0.1', r)),
        new Promise((r) => latency.listen(0, '127.0.0.1', r)),
      ]);
      state.latency = `http://127.0.0.1:${latency.address().port}`;
      state.garbage = `http://127.0.0.1:${garbage.address().port}`;
      state.blackhole = `http://127.0.0.1:${blackhole.address().port}`;
      // "localhost" is another origin than the endpoint's 127.0.0.1: a third-party host for the page.
      state.tiles = `http://localhost:${tiles.address().port}`;
    },
    async serverStop() {
      for (const s of sockets) s.destroy();
      await Promise.all([blackhole, tiles, latency, garbage].map((s) => new Promise((r) => (s ? s.close(r) : r()))));
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'citylab-tile-hits') {
        const hits = tileHits;
        if (payload?.reset) tileHits = 0;
        return hits;
      }
      if (command === 'citylab-insight-rows') {
        // What the endpoint stored about one product: every column of every row, read from its database.
        const db = new Database(join(state.dir, 'test.db'), { readonly: true, fileMustExist: true });
        try {
          return db.prepare('SELECT * FROM insight_counts WHERE gtin = ? ORDER BY event, store_id').all(String(payload?.gtin ?? ''));
        } finally {
          db.close();
        }
      }
      if (command === 'citylab-delay-next-answer') {
        delayNextAnswer = Math.max(0, Math.min(Number(payload?.ms) || 0, 10_000));
        return true;
      }
      if (command === 'citylab-geolocation') {
        const page = session.browser.getPage(session.id);
        const origin = new URL(page.url()).origin;
        const context = page.browserContext();
        await context.clearPermissionOverrides();
        if (payload.state === 'granted') {
          await context.overridePermissions(origin, ['geolocation']);
          await page.setGeolocation({ latitude: payload.lat, longitude: payload.lon, accuracy: 10 });
        } else {
          // Denied as a shopper would: the browser-level permission set to "denied".
          const cdp = await page.browser().target().createCDPSession();
          await cdp.send('Browser.setPermission', { permission: { name: 'geolocation' }, setting: 'denied', origin });
          await cdp.detach();
        }
        return true;
      }
      return undefined;
    },
  };
}
