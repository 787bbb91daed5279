/**
 * A shop's stock feed, fetched on schedule, on each backend: a real feed server on
 * loopback (allowed only with the test setting) answering with ETag and
 * Last-Modified, and a real SMTP server on loopback receiving the failure mail.
 * The first fetch applies; the next one sends the validators, gets 304 and changes
 * nothing; a changed file applies; a bad line fails the run (nothing applied, the
 * line stored) and mails the shop once per failure streak. Two rounds at once fetch
 * a feed once; "Jetzt abrufen" pressed while a round waits for the file is followed by one
 * more round, which applies the newer file. Without the test setting, private and loopback addresses are refused
 * at once, naming the field, and also when a name resolves to one at connect time.
 * Another shop can neither read nor set this shop's feed. The endpoint process, as the
 * CLI runs it, fetches in the background.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Problem, StockFeed, StockFeedAnswer } from '../../src/sdk/contract/schemas.js';
import { runDueFeeds, startFeedJobs, type FeedJobs } from '../../src/server/inventory-feed-job.js';
import { FeedFetchError, fetchFeed, refuseFeedUrl } from '../../src/server/inventory-fetch.js';
import { createLogger } from '../../src/server/log.js';
import { createMailer, type Mailer } from '../../src/server/reservations/mail.js';
import { LAMP, VASE, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, createDatabase, keyHeaders, startEndpoint, startProcess, type RunningEndpoint } from './harness.js';
import { catchMail, type MailCatcher } from './smtp.js';

const log = createLogger('silent');

/** The shop's stock file on its own web server: ETag and Last-Modified, 304 when they match. */
function feedServer() {
  const state = { body: '', modified: new Date('2026-11-30T06:00:00Z'), requests: [] as { ifNoneMatch?: string; ifModifiedSince?: string }[], hold: undefined as Promise<void> | undefined };
  const server: Server = createServer(async (req, res) => {
    state.requests.push({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    // The file as it is when asked for; a slow server's answer waits until the test lets it go.
    const { body, modified } = state;
    await state.hold;
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', ETag: etag, 'Last-Modified': modified.toUTCString() });
    res.end(body);
  });
  return { server, state, set: (body: string) => { state.body = body; state.modified = new Date(state.modified.getTime() + 3_600_000); } };
}

const file = (lamp: string | number, vase: number) => ['id;gtin;quantity;price;title', `LH-100;${LAMP};${lamp};89,00 EUR;Tischleuchte Mohn`, `LH-200;${VASE};${vase};34,50 EUR;Vase Ruhr`].join('\n');

for (const backend of BACKENDS) {
  describe(`a shop's stock feed on ${backend}`, () => {
    let ep: RunningEndpoint;
    let strict: RunningEndpoint;
    let town: SeededTown;
    let strictTown: SeededTown;
    let mailer: Mailer;
    let mail: MailCatcher;
    const feed = feedServer();
    let feedUrl = '';
    let clock = new Date('2026-12-01T09:00:00Z');
    /** The feed rounds of a test that runs them as the endpoint does; "Jetzt abrufen" on `ep` reaches them. */
    let feedJobs: FeedJobs | undefined;

    before(async () => {
      mail = await catchMail();
      await new Promise<void>((r) => feed.server.listen(0, '127.0.0.1', () => r()));
      feedUrl = `http://127.0.0.1:${(feed.server.address() as { port: number }).port}/bestand.csv`;
      let storage: RunningEndpoint['storage'] | undefined;
      let real: Mailer | undefined;
      mailer = { flush: () => (real ??= createMailer(storage!, { smtpUrl: mail.url, from: 'CityLab <noreply@citylab.test>', logger: log })!).flush() };
      ep = await startEndpoint({ backend, now: () => clock, app: { mailer, feeds: { allowPrivate: true, runNow: () => feedJobs?.runNow() } } });
      storage = ep.storage;
      town = await seedTestTown(ep.url);
      strict = await startEndpoint({ backend });
      strictTown = await seedTestTown(strict.url);
      // The seed's own mails are not this test's.
      for (const m of await ep.storage.pendingMail(10_000)) await ep.storage.markMail(m.id!, { sentAt: new Date().toISOString() });
    });
    after(async () => {
      await ep?.close();
      await strict?.close();
      await new Promise<void>((r) => feed.server.close(() => r()));
      await mail?.close();
    });

    const round = () => runDueFeeds({ storage: ep.storage, mailer, log, publicUrl: ep.url, allowPrivate: true, now: () => clock });
    const getFeed = async () => {
      const res = await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed`, { headers: keyHeaders(town.keys['licht-haus']!) });
      assert.equal(res.status, 200);
      return StockFeedAnswer.parse(await res.json()).feed;
    };
    /** Moves the clock to the feed's next scheduled run. */
    const toNextRun = async () => {
      clock = new Date((await getFeed())!.next_run_at);
    };
    const stock = async () => (await ep.storage.stockOfStore('licht-haus')).map((r) => `${r.sku}:${r.quantity}:${r.updated_at}`);
    const feedMails = async () => (await ep.storage.outbox(100)).filter((m) => m.kind === 'stock-feed-failed');

    it('sets the feed, and the first round fetches and applies it', async () => {
      feed.set(file(7, 3));
      const res = await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed`, {
        method: 'PUT', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ url: feedUrl, every_hours: 6, at: '06:00' }),
      });
      const text = await res.text();
      assert.equal(res.status, 200, text);
      const set = StockFeed.parse(JSON.parse(text));
      assert.equal(set.url, feedUrl);
      assert.equal(set.next_run_at, clock.toISOString(), 'the first fetch is due at once');

      const runs = await round();
      assert.equal(runs.length, 1);
      assert.equal(feed.state.requests.length, 1);
      assert.deepEqual(feed.state.requests[0], { ifNoneMatch: undefined, ifModifiedSince: undefined });
      assert.equal((await ep.storage.stockBySku('licht-haus', 'LH-100'))!.quantity, 7);
      assert.equal((await ep.storage.stockBySku('licht-haus', 'LH-200'))!.quantity, 3);
      const after = (await getFeed())!;
      assert.equal(after.last_run?.outcome, 'applied');
      assert.deepEqual({ received: after.last_run?.received, updated: after.last_run?.updated, created: after.last_run?.created, removed: after.last_run?.removed }, { received: 2, updated: 2, created: 0, removed: 0 });
      assert.equal(after.last_success_at, clock.toISOString());
      // 09:00 UTC is 10:00 in Berlin: the next of 06:00, 12:00, 18:00 is 12:00 (11:00 UTC).
      assert.equal(after.next_run_at, '2026-12-01T11:00:00.000Z');
      assert.equal((await round()).length, 0, 'nothing is due before the schedule says');
      assert.equal(feed.state.requests.length, 1);
    });

    it('the next run sends the validators, gets 304 and changes nothing', async () => {
      const before = await stock();
      await toNextRun();
      const [run] = await round();
      assert.equal(run?.outcome, 'unchanged');
      const sent = feed.state.requests.at(-1)!;
      assert.match(sent.ifNoneMatch ?? '', /^"[0-9a-f]{16}"$/);
      assert.equal(sent.ifModifiedSince, feed.state.modified.toUTCString());
      assert.deepEqual(await stock(), before, 'not even the update times change');
      assert.equal((await getFeed())!.last_success_at, clock.toISOString(), 'a 304 confirms the stock as of now');
    });

    it('a changed file applies', async () => {
      feed.set(file(4, 3));
      await toNextRun();
      const [run] = await round();
      assert.equal(run?.outcome, 'applied');
      assert.equal((await ep.storage.stockBySku('licht-haus', 'LH-100'))!.quantity, 4);
    });

    it('a bad line fails the run: nothing applied, the line stored, one mail per failure streak', async () => {
      const before = await stock();
      feed.set(file('vier', 3));
      await toNextRun();
      const [run] = await round();
      assert.equal(run?.outcome, 'failed');
      assert.deepEqual(await stock(), before, 'nothing applied');
      const stored = (await getFeed())!.last_run!;
      assert.equal(stored.outcome, 'failed');
      assert.deepEqual(stored.errors?.map((e) => [e.line, e.field]), [[2, 'quantity']]);
      assert.equal(mail.received.length, 1, 'the failure is mailed at once');
      assert.deepEqual(mail.received[0]!.to, ['info@licht-haus.example']);
      assert.match(mail.received[0]!.subject, /Bestandsliste nicht übernommen: Licht & Haus/);
      assert.match(mail.received[0]!.text, /Zeile 2, Spalte quantity/);
      assert.ok(mail.received[0]!.text.includes(`${ep.url}/dashboard/#stock`));

      await toNextRun();
      const [again] = await round();
      assert.equal(again?.outcome, 'failed');
      await mailer.flush();
      assert.equal((await feedMails()).length, 1, 'the second failure of the streak queues no mail');
      assert.equal(mail.received.length, 1);

      // Fixed: applied, the streak ends; the next failure starts a new one and is mailed again.
      feed.set(file(2, 3));
      await toNextRun();
      assert.equal((await round())[0]?.outcome, 'applied');
      assert.equal((await ep.storage.stockBySku('licht-haus', 'LH-100'))!.quantity, 2);
      feed.set(file(-1, 3));
      await toNextRun();
      assert.equal((await round())[0]?.outcome, 'failed');
      assert.equal(mail.received.length, 2);
    });

    it('two rounds at once fetch a due feed once', async () => {
      feed.set(file(5, 3));
      await toNextRun();
      const count = feed.state.requests.length;
      const [a, b] = await Promise.all([round(), round()]);
      assert.equal(a.length + b.length, 1);
      assert.equal(feed.state.requests.length, count + 1);
    });

    it('"fetch now" while a round is under way: one more round follows it and applies the newer file', async () => {
      const until = async (check: () => boolean | Promise<boolean>, what: string) => {
        const deadline = Date.now() + 10_000;
        while (!(await check())) {
          assert.ok(Date.now() < deadline, what);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      feed.set(file(6, 1));
      await toNextRun();
      const count = feed.state.requests.length;
      let release!: () => void;
      feed.state.hold = new Promise<void>((r) => (release = r));
      // Rounds every hour, as the endpoint runs them; the first starts at once and claims the due feed.
      feedJobs = startFeedJobs({ storage: ep.storage, mailer, log, publicUrl: ep.url, allowPrivate: true, now: () => clock, intervalMs: 3_600_000 });
      try {
        await until(() => feed.state.requests.length === count + 1, 'the scheduled round fetches');
        // The shop fixes its file and presses "Jetzt abrufen" twice while that round waits for the old one.
        feed.set(file(7, 1));
        for (let i = 0; i < 2; i++) {
          const run = await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed/run`, { method: 'POST', headers: keyHeaders(town.keys['licht-haus']!) });
          assert.equal(run.status, 202);
        }
        feed.state.hold = undefined;
        release();
        // The round under way got the old file (6); only a round after it can apply the new one (7).
        await until(async () => (await stock()).some((row) => row.startsWith('LH-100:7:')), 'the newer file is applied by the round that followed');
        await feedJobs.stop();
        assert.equal(feed.state.requests.length, count + 2, 'one more fetch after the round under way');
        assert.ok(new Date((await getFeed())!.next_run_at) > clock, 'the schedule goes on after it');
      } finally {
        release();
        await feedJobs.stop();
        feedJobs = undefined;
      }
    });

    it('without the test setting, a private, loopback or plain-http address is refused at once, naming the field', async () => {
      for (const url of [
        'https://127.0.0.1/bestand.csv', 'https://[::1]/bestand.csv', 'https://10.1.2.3/bestand.csv', 'https://192.168.178.20/bestand.csv',
        'https://172.20.0.5/bestand.csv', 'https://169.254.169.254/latest/meta-data/', 'https://100.64.0.1/bestand.csv', 'https://[fe80::1]/bestand.csv',
        'https://[fd12:3456::1]/bestand.csv', 'https://[::ffff:127.0.0.1]/bestand.csv', 'https://[::ffff:a9fe:a9fe]/bestand.csv', 'https://0.0.0.0/bestand.csv',
        'https://localhost/bestand.csv', 'https://localhost./bestand.csv', 'http://shop.example/bestand.csv', 'ftp://shop.example/bestand.csv', 'bestand.csv',
      ]) {
        for (const lang of ['de', 'en']) {
          const res = await fetch(`${strict.url}/v1/stores/licht-haus/inventory/feed`, {
            method: 'PUT', headers: { ...keyHeaders(strictTown.keys['licht-haus']!), 'Accept-Language': lang }, body: JSON.stringify({ url, every_hours: 24, at: '06:00' }),
          });
          const text = await res.text();
          assert.equal(res.status, 400, `${url}: ${text}`);
          const problem = Problem.parse(JSON.parse(text));
          assert.equal(problem.code, 'validation-failed');
          assert.equal(problem.errors?.[0]?.path, 'url', url);
          assert.match(problem.detail ?? '', lang === 'de' ? /Adresse des Bestands-Feeds.*nichts geändert/ : /feed address is not valid: url: .*Nothing was changed/, url);
        }
      }
      const res = await fetch(`${strict.url}/v1/stores/licht-haus/inventory/feed`, { headers: keyHeaders(strictTown.keys['licht-haus']!) });
      assert.deepEqual(await res.json(), { feed: null }, 'nothing was set');
      // A public address written out passes the check (nothing is fetched here).
      assert.equal(await refuseFeedUrl('https://93.184.215.14/bestand.csv', false), null);
    });

    it('a name that resolves to loopback is refused when connecting too (the address connected is the one checked)', async () => {
      const port = (feed.server.address() as { port: number }).port;
      for (const url of [`https://localhost:${port}/bestand.csv`, `http://127.0.0.1:${port}/bestand.csv`]) {
        await assert.rejects(fetchFeed(url, { etag: null, lastModified: null }, { allowPrivate: false }), (err: unknown) => err instanceof FeedFetchError && err.failure === 'address');
      }
      const count = feed.state.requests.length;
      await assert.rejects(fetchFeed(`https://localhost:${port}/`, { etag: null, lastModified: null }, { allowPrivate: false }));
      assert.equal(feed.state.requests.length, count, 'the feed server was never reached');
    });

    it('limits: a server error, a file too large, a server too slow, redirects checked hop by hop', async () => {
      const server = createServer((req, res) => {
        if (req.url === '/500') { res.writeHead(500); return res.end(); }
        if (req.url === '/big') { res.writeHead(200, { 'Content-Type': 'text/csv' }); return res.end('x'.repeat(4096)); }
        if (req.url === '/slow') return; // never answers
        if (req.url === '/moved') { res.writeHead(302, { Location: '/bestand.csv' }); return res.end(); }
        if (req.url === '/away') { res.writeHead(301, { Location: 'file:///etc/passwd' }); return res.end(); }
        if (req.url === '/loop') { res.writeHead(307, { Location: '/loop' }); return res.end(); }
        res.writeHead(200, { 'Content-Type': 'text/csv' });
        res.end(file(1, 1));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const none = { etag: null, lastModified: null };
      const failure = (f: string) => (err: unknown) => err instanceof FeedFetchError && err.failure === f;
      try {
        await assert.rejects(fetchFeed(`${base}/500`, none, { allowPrivate: true }), (err: unknown) => failure('status')(err) && (err as FeedFetchError).httpStatus === 500);
        await assert.rejects(fetchFeed(`${base}/big`, none, { allowPrivate: true, maxBytes: 1024 }), failure('too-large'));
        await assert.rejects(fetchFeed(`${base}/slow`, none, { allowPrivate: true, timeoutMs: 300 }), failure('timeout'));
        await assert.rejects(fetchFeed(`${base}/away`, none, { allowPrivate: true }), failure('address'));
        await assert.rejects(fetchFeed(`${base}/loop`, none, { allowPrivate: true }), failure('redirects'));
        assert.equal((await fetchFeed(`${base}/moved`, none, { allowPrivate: true })).text, file(1, 1));

        // A run against a failing server is stored with why, and changes nothing.
        const before = await stock();
        const put = await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed`, {
          method: 'PUT', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ url: `${base}/500`, every_hours: 24, at: '06:00' }),
        });
        assert.equal(put.status, 200);
        const [run] = await round();
        assert.deepEqual({ outcome: run?.outcome, failure: run?.fetch_failure, status: run?.http_status }, { outcome: 'failed', failure: 'status', status: 500 });
        assert.deepEqual(await stock(), before);
        assert.equal((await getFeed())!.last_run?.fetch_failure, 'status');
      } finally {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      }
    });

    it('the endpoint as the CLI runs it fetches a shop\'s feed in the background', { timeout: 60_000 }, async () => {
      const database = await createDatabase(backend);
      const proc = await startProcess(database, [], { CITYLAB_FEED_ALLOW_PRIVATE: '1', CITYLAB_SWEEP_MS: '200' });
      try {
        const keys = (await seedTestTown(proc.url)).keys;
        feed.set(file(9, 8));
        const put = await fetch(`${proc.url}/v1/stores/licht-haus/inventory/feed`, {
          method: 'PUT', headers: keyHeaders(keys['licht-haus']!), body: JSON.stringify({ url: feedUrl, every_hours: 24, at: '06:00' }),
        });
        assert.equal(put.status, 200, await put.text());
        // Waits for the background round (every 200 ms here) to have applied the file.
        for (;;) {
          const res = await fetch(`${proc.url}/v1/stores/licht-haus/inventory/feed`, { headers: keyHeaders(keys['licht-haus']!) });
          const state = StockFeedAnswer.parse(await res.json()).feed;
          if (state?.last_run) {
            assert.equal(state.last_run.outcome, 'applied');
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        const stockList = (await (await fetch(`${proc.url}/v1/stores/licht-haus/inventory`, { headers: keyHeaders(keys['licht-haus']!) })).json()) as { items: { sku: string; quantity?: number }[] };
        assert.deepEqual(stockList.items.map((i) => [i.sku, i.quantity]), [['LH-100', 9], ['LH-200', 8]]);
      } finally {
        await proc.stop();
        await database.drop();
      }
    });

    it('"fetch now" in the endpoint as the CLI runs it: a round at once, outside the schedule, which stays', { timeout: 60_000 }, async () => {
      const database = await createDatabase(backend);
      // A round every 10 minutes: only "fetch now" can fetch within this test.
      const proc = await startProcess(database, [], { CITYLAB_FEED_ALLOW_PRIVATE: '1', CITYLAB_SWEEP_MS: '600000' });
      try {
        const keys = (await seedTestTown(proc.url)).keys;
        const headers = keyHeaders(keys['licht-haus']!);
        const feedAt = `${proc.url}/v1/stores/licht-haus/inventory/feed`;
        const state = async () => StockFeedAnswer.parse(await (await fetch(feedAt, { headers })).json()).feed;

        const none = await fetch(`${feedAt}/run`, { method: 'POST', headers: { ...headers, 'Accept-Language': 'de' } });
        assert.equal(none.status, 404);
        const problem = Problem.parse(await none.json());
        assert.equal(problem.code, 'not-found');
        assert.match(problem.detail, /kein automatischer Abruf eingerichtet/);

        feed.set(file(4, 2));
        const put = await fetch(feedAt, { method: 'PUT', headers, body: JSON.stringify({ url: feedUrl, every_hours: 24, at: '06:00' }) });
        assert.equal(put.status, 200, await put.text());
        await new Promise((r) => setTimeout(r, 1500));
        assert.equal((await state())?.last_run, undefined, 'the process\'s first round ran before the feed was set; the next is 10 minutes away');

        const run = await fetch(`${feedAt}/run`, { method: 'POST', headers });
        assert.equal(run.status, 202, await run.clone().text());
        assert.equal(StockFeed.parse(await run.json()).url, feedUrl);
        const deadline = Date.now() + 20_000;
        let after = await state();
        while (!after?.last_run && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
          after = await state();
        }
        assert.equal(after?.last_run?.outcome, 'applied', 'fetched at once');
        assert.equal(after?.every_hours, 24);
        assert.equal(after?.at, '06:00');
        assert.ok(new Date(after!.next_run_at) > new Date(), 'the next run is on the schedule again');
        const stockList = (await (await fetch(`${proc.url}/v1/stores/licht-haus/inventory`, { headers })).json()) as { items: { sku: string; quantity?: number }[] };
        assert.deepEqual(stockList.items.map((i) => [i.sku, i.quantity]), [['LH-100', 4], ['LH-200', 2]]);
        // Another shop cannot make this shop's feed run.
        assert.equal((await fetch(`${feedAt}/run`, { method: 'POST', headers: keyHeaders(keys['wohnen-am-steinweg']!) })).status, 403);
      } finally {
        await proc.stop();
        await database.drop();
      }
    });

    it('another shop can neither read nor set this shop\'s feed', async () => {
      const other = keyHeaders(town.keys['wohnen-am-steinweg']!);
      const before = await getFeed();
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed`, { headers: other })).status, 403);
      const put = await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed`, { method: 'PUT', headers: other, body: JSON.stringify({ url: 'http://127.0.0.1:1/x.csv', every_hours: 1, at: '00:00' }) });
      assert.equal(put.status, 403);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed`, { method: 'DELETE', headers: other })).status, 403);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/inventory/feed`)).status, 401);
      assert.deepEqual(await getFeed(), before);
    });
  });
}
