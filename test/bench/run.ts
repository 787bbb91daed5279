/**
 * `npm run bench`: size and load figures, each next to a baseline measured in
 * the same run (the machine is shared and noisy: compare ratios and medians,
 * not absolute numbers across runs).
 *
 *   BENCH_DURATION=10 (seconds per load run)   BENCH_CONNECTIONS=64
 *   BENCH_DATABASE_URL (else TEST_DATABASE_URL, DATABASE_URL, postgres://postgres@127.0.0.1:5432/test):
 *   PostgreSQL for the side-by-side figures; skipped with a line saying so when it cannot be reached.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup, type Plugin } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserImport from '@rollup/plugin-terser';
import { ARTICLES_PER_SHOP, CATALOGUE, SHOPS, benchGtin, ensureBenchTown } from './town-generator.js';
import { BENCH_SCHEMA, ensurePostgresBenchTown } from './postgres-town.js';

// Its types are written as CommonJS; at run time the ES build exports the function itself.
const terser = terserImport as unknown as (options?: object) => Plugin;
const ROOT = new URL('../../', import.meta.url).pathname;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const log = (s: string) => process.stdout.write(s + '\n');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;

// ------------------------------------------------------------------ sizes

async function bundleGzip(entryCode: string): Promise<number> {
  const dir = join(ROOT, 'data', 'bench');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'lit-baseline.ts');
  writeFileSync(entry, entryCode);
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), esbuild({ target: 'es2022', tsconfig: join(ROOT, 'tsconfig.json') })],
  });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ format: { comments: false } })] });
  await bundle.close();
  return gz(output.map((o) => (o.type === 'chunk' ? o.code : '')).join(''));
}

/** A chunk and the chunks it imports statically (what the browser fetches before it can run it). */
function closure(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `import{…}from"./x.js"` or `import"./x.js"`; dynamic import("./x.js") loads later.
  for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) closure(dist, m[1]!, seen);
  return seen;
}

async function sizes(): Promise<void> {
  log('\n## Script-tag bundle (min + gzip -9)');
  const dist = join(ROOT, 'packages', 'citylab-sdk', 'dist');
  const size = (f: string) => gz(readFileSync(join(dist, f)));
  const entry = size('citylab.js');
  const baseline = await bundleGzip(
    "import { LitElement, html } from 'lit';\nclass X extends LitElement { render() { return html`<p>x</p>`; } }\ncustomElements.define('x-baseline', X);\n",
  );
  log(`dist/citylab.js (autoloader)         ${kb(entry).padStart(9)}   baseline (Lit + one small element): ${kb(baseline)}   ratio ${(entry / baseline).toFixed(2)}×   budget 20 KB`);
  // What a page downloads before the element can render, per element (entry + its chunk + shared chunks).
  const chunks = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'citylab.js');
  for (const element of ['store-finder', 'click-collect', 'ar-viewer']) {
    const chunk = chunks.find((c) => c.startsWith(`${element}-`));
    if (!chunk) continue;
    const files = [...closure(dist, chunk, new Set(["citylab.js"]))].filter((f) => f !== "citylab.js");
    const total = entry + files.reduce((n, f) => n + size(f), 0);
    log(`page with <citylab-${element}>        ${kb(total).padStart(9)}   = entry + ${files.join(' + ')}   ratio to baseline ${(total / baseline).toFixed(2)}×`);
  }
  const all = new Set(['store-finder', 'click-collect', 'ar-viewer'].flatMap((e) => { const c = chunks.find((x) => x.startsWith(`${e}-`)); return c ? [...closure(dist, c, new Set(["citylab.js"]))].filter((f) => f !== "citylab.js") : []; }));
  log(`page with all three elements         ${kb(entry + [...all].reduce((n, f) => n + size(f), 0)).padStart(9)}   (budget for the entry with all three: 20 KB)`);
  log('lazy chunks, loaded on demand:');
  for (const c of chunks.filter((c) => !all.has(c))) log(`  ${c.padEnd(34)} ${kb(size(c))}`);
}

// ------------------------------------------------------------------- load

interface Figures { rps: number; p50: number; p99: number; errors: number; non2xx: number; statuses: Record<string, number> }

type Shot = { path: string; method?: string; headers?: Record<string, string>; body?: string };

async function load(url: string | string[], next: () => Shot, warmup = 3): Promise<Figures> {
  const requests = [{ setupRequest: (req: any) => ({ ...req, ...next() }) }];
  // Warm up (JIT, page cache, the endpoint's answer cache, the pool's connections) before measuring.
  await autocannon({ url: url as string, connections: CONNECTIONS, duration: warmup, requests });
  const r = await autocannon({ url: url as string, connections: CONNECTIONS, duration: DURATION, requests });
  const statuses = Object.fromEntries(Object.entries((r as any).statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count]));
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, statuses };
}

/** The endpoint (or the demo) in its own process; `serve` needs a public address for its links, the bench follows none. */
function startChild(args: string[], env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CITYLAB_LOG: 'silent', CITYLAB_PUBLIC_URL: 'http://127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** Asks each of `paths` once on each instance, 32 at a time. */
async function prime(urls: string[], paths: string[]): Promise<void> {
  const jobs = urls.flatMap((url) => paths.map((path) => url + path));
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < jobs.length) await (await fetch(jobs[next++]!)).arrayBuffer();
  }));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The bench towns as they were generated: no reservations, nothing held, no mail (the write runs add them). */
const RESET_SQL = [
  'DELETE FROM reservations', 'DELETE FROM idempotency_keys', 'DELETE FROM outbox', 'UPDATE inventory SET held = 0 WHERE held <> 0',
];

function resetSqlite(file: string): void {
  const db = new Database(file);
  try {
    for (const sql of RESET_SQL) {
      try {
        db.exec(sql);
      } catch (err) {
        // A town generated before click & collect has no such tables yet: nothing to reset.
        if (!/no such (table|column)/.test((err as Error).message)) throw err;
      }
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${BENCH_SCHEMA}` });
  await client.connect();
  try {
    for (const sql of RESET_SQL) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PostgreSQL for the bench, or why there is none (the bench then runs without it). */
async function reachablePostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface Target {
  name: string;
  start(): Promise<{ urls: string[]; stop(): Promise<void> }>;
  reset(): Promise<void>;
}

const row = (name: string, f: Figures, extra = '') =>
  log(`${name.padEnd(44)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(4)} ms${f.errors ? `   errors ${f.errors}` : ''}${extra}`);

async function loadFigures(): Promise<void> {
  const file = join(ROOT, 'data', 'bench', `town-${SHOPS}x${ARTICLES_PER_SHOP}-v2.db`);
  mkdirSync(join(ROOT, 'data', 'bench'), { recursive: true });
  await ensureBenchTown(file, log);

  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const pgProblem = await reachablePostgres(pgUrl);
  if (pgProblem) log(`\nPostgreSQL: skipped (${pgUrl.replace(/\/\/[^@/]*@/, '//…@')} cannot be reached: ${pgProblem}); set BENCH_DATABASE_URL to include it`);
  else await ensurePostgresBenchTown(pgUrl, file, log);

  const noLimits = { CITYLAB_RESERVATION_LIMITS: 'off' };
  const pgEnv = { ...noLimits, DATABASE_URL: pgUrl, DATABASE_SCHEMA: BENCH_SCHEMA };
  const instances = (n: number, args: string[], env: Record<string, string>) => async () => {
    const children = await Promise.all(Array.from({ length: n }, () => startChild(['packages/citylab-server/dist/cli.js', 'serve', '--port', '0', ...args], env)));
    return { urls: children.map((c) => c.url), stop: async () => void (await Promise.all(children.map((c) => stopChild(c.child)))) };
  };
  const targets: Target[] = [
    { name: 'SQLite, 1 instance', start: instances(1, ['--db', file], noLimits), reset: async () => resetSqlite(file) },
    ...(pgProblem ? [] : [
      { name: 'PostgreSQL, 1 instance', start: instances(1, [], pgEnv), reset: () => resetPostgres(pgUrl) },
      { name: 'PostgreSQL, 2 instances', start: instances(2, [], pgEnv), reset: () => resetPostgres(pgUrl) },
    ]),
  ];

  // "Hot": 4,096 products asked again and again (product pages being viewed): answers come from
  // the endpoint's cache. "Cold": every request another product, so every answer is computed.
  const gtins = Array.from({ length: 4096 }, (_, k) => benchGtin((k * 7919) % CATALOGUE));
  let i = 0;
  const hot = (): Shot => ({ path: `/v1/availability?gtin=${gtins[i++ % gtins.length]}` });
  let j = 0;
  const cold = (): Shot => ({ path: `/v1/availability?gtin=${benchGtin((j++ * 104_729 + 17) % CATALOGUE)}` });
  // A reservation of one unit of a random article of a shop with click & collect (4 in 5), by a new
  // shopper with a new Idempotency-Key each time. Articles with nothing free answer 409.
  const run = Date.now().toString(36);
  const reservable = Array.from({ length: SHOPS }, (_, s) => s).filter((s) => s % 5 !== 0); // as generated
  let k = 0;
  const reserve = (): Shot => {
    const n = k++;
    const store = `shop-${reservable[(n * 7919) % reservable.length]}`;
    return {
      path: '/v1/reservations',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${run}-${String(n).padStart(10, '0')}` },
      body: JSON.stringify({
        store, sku: `A-${(n * 104_729) % ARTICLES_PER_SHOP}`, quantity: 1, privacy_accepted: true,
        customer: { name: 'Bench Kundin', email: `b-${run}-${n}@example.org` },
      }),
    };
  };

  const reads: [string, Figures][] = [];
  const writes: [string, Figures][] = [];
  let baseRead: Figures | undefined;
  let baseWrite: Figures | undefined;
  let offers = 0;
  let readBytes = 0;
  let writeBytes = 0;
  for (const target of targets) {
    await target.reset();
    const running = await target.start();
    try {
      if (!baseRead) {
        // Typical answers, so the bare server sends bodies of the same size.
        const sample = await (await fetch(running.urls[0] + hot().path)).text();
        offers = (JSON.parse(sample) as { offers: unknown[] }).offers.length;
        const shot = reserve();
        const written = await (await fetch(running.urls[0] + shot.path, { method: 'POST', headers: shot.headers!, body: shot.body! })).text();
        readBytes = Buffer.byteLength(sample);
        writeBytes = Buffer.byteLength(written);
        const bareCode = `const read = ${JSON.stringify(sample)}; const written = ${JSON.stringify(written)};
          const s = require('node:http').createServer((req, res) => {
            if (req.method === 'POST') { req.resume(); req.on('end', () => { res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(written) }); res.end(written); }); return; }
            res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(read) }); res.end(read);
          });
          s.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + s.address().port));`;
        const bare = await startChild(['-e', bareCode]);
        try {
          baseRead = await load(bare.url, () => ({ path: '/' }));
          baseWrite = await load(bare.url, () => ({ ...reserve(), path: '/' }), 2);
        } finally {
          await stopChild(bare.child);
        }
      }
      // Every instance has every hot answer cached before the hot run (each keeps its own cache).
      await prime(running.urls, gtins.map((g) => `/v1/availability?gtin=${g}`));
      reads.push([`${target.name}, hot (cached)`, await load(running.urls, hot, 3)]);
      reads.push([`${target.name}, cold (every product new)`, await load(running.urls, cold)]);
      writes.push([target.name, await load(running.urls, reserve, 2)]);
    } finally {
      await running.stop();
    }
  }
  for (const target of targets) await target.reset();

  log(`\n## Reads: GET /v1/availability?gtin= on ${SHOPS} shops × ${ARTICLES_PER_SHOP.toLocaleString('en')} articles (${((SHOPS * ARTICLES_PER_SHOP) / 1e6).toFixed(0)} M stock rows), ${CONNECTIONS} connections, ${DURATION} s each`);
  log(`(typical answer: ${offers} offers, ${kb(readBytes)}; the bare server sends that same body)`);
  row('baseline: bare node:http', baseRead!);
  for (const [name, f] of reads) row(name, f, f.non2xx ? `   non-2xx ${f.non2xx}` : `   ${(f.rps / baseRead!.rps).toFixed(2)}× bare`);

  log(`\n## Writes: POST /v1/reservations (new shopper and Idempotency-Key each, random article of 240 shops), ${CONNECTIONS} connections, ${DURATION} s each`);
  log(`(an answer is ${kb(writeBytes)}; the bare server reads the body and sends a 201 of that size; 409 = nothing free of that article)`);
  row('baseline: bare node:http', baseWrite!);
  for (const [name, f] of writes) {
    const statuses = Object.entries(f.statuses).sort().map(([code, n]) => `${code}: ${n}`).join(', ');
    row(name, f, `   ${(f.rps / baseWrite!.rps).toFixed(2)}× bare   (${statuses})`);
  }
  log('\nGoals: hot reads ≥ 0.5 of the bare server with p99 < 20 ms. One machine (2 cores) runs the load generator, the instances and PostgreSQL: two instances share those cores rather than adding any.');
}

const phoneOnly = process.argv.includes('--phone-only');
if (!phoneOnly) await sizes();
if (!phoneOnly && !process.argv.includes('--sizes-only')) await loadFigures();
rmSync(join(ROOT, 'data', 'bench', 'lit-baseline.ts'), { force: true });

// ── The demo product page on a throttled phone (issue 13): CLS, JS before interaction, content ──
{
  const { phoneFigures } = await import('./phone-page.js');
  const r = await phoneFigures();
  const f = (x: { cls: number; jsGzip: number; content: number }) => `CLS ${x.cls.toFixed(3).padStart(6)}   JS ${kb(x.jsGzip).padStart(9)}   content ${(x.content / 1000).toFixed(2).padStart(6)} s`;
  log(`\n## ${r.page} on a throttled phone (4× CPU, slow 4G, 360 × 740), medians of ${r.runs} runs`);
  log(`with the SDK (README snippet, three elements)    ${f(r.ours)}   (content: all three show content)`);
  log(`baseline: the same page without the SDK          ${f(r.noSdk)}   (content: load event)`);
  log(`baseline: <model-viewer> embedded directly       ${f(r.modelViewer)}   (content: <model-viewer> defined)`);
  log(`ratios: JS ${(r.ours.jsGzip / r.modelViewer.jsGzip).toFixed(3)} of model-viewer's; content ${(r.ours.content / r.noSdk.content).toFixed(2)}× the page's own load, ${(r.ours.content / r.modelViewer.content).toFixed(2)}× model-viewer's`);
  log('goals: CLS < 0.01; JS before interaction ≤ 20 KB gzip');
  const b = (x: { before: number; after: number; longTasks: number; longMs: number }) => `beacons before the tap ${x.before}   after it ${x.after}   long tasks in the 3 s after ${x.longTasks} (${x.longMs} ms)`;
  log(`\n## The insights beacon on the same page and phone (issue 12): one tap on the page's heading, medians of ${r.runs} runs`);
  log(`counting (as shipped)                            ${b(r.beacon.counting)}`);
  log(`baseline: the browser sends Global Privacy Control ${b(r.beacon.baseline)}`);
  log('goals: no beacon before the shopper interacts; no long task more than the baseline');
}

// ── <citylab-ar-viewer> (issue 5): JS before interaction, and the model pipeline ──
// Measured by test/bench/ar-bytes.ts in headless Chromium; needs the build above.
if (!phoneOnly) {
  const { arViewerBytes, demoModelReduction } = await import('./ar-bytes.js');
  const { ours, direct } = await arViewerBytes();
  log('\n## <citylab-ar-viewer>: JavaScript a product page transfers before the shopper interacts (gzip, headless Chromium)');
  log(`page with one <citylab-ar-viewer> (citylab.js, every element)   ${kb(ours).padStart(9)}`);
  log(`baseline: the same page with <model-viewer> embedded directly       ${kb(direct).padStart(9)}`);
  log(`ratio: ${(ours / direct).toFixed(3)} of the direct embed (goal ≤ 0.1)`);
  const models = await demoModelReduction();
  log('\n## Model pipeline (citylab-models optimize) on the demo models');
  for (const m of models) {
    log(`${m.name.padEnd(14)} ${kb(m.before).padStart(9)} → ${kb(m.after).padStart(9)}   −${Math.round((1 - m.after / m.before) * 100)} %   ${m.triangles.toLocaleString('en')} triangles`);
  }
  const before = models.reduce((n, m) => n + m.before, 0);
  const after = models.reduce((n, m) => n + m.after, 0);
  log(`${'all'.padEnd(14)} ${kb(before).padStart(9)} → ${kb(after).padStart(9)}   −${Math.round((1 - after / before) * 100)} %`);
}

// ── 3D bytes (issue 13): citylab-models optimize next to gltfpack -cc, same generated input ──
if (!phoneOnly) {
  const { gltfpackComparison } = await import('./ar-bytes.js');
  const rows = await gltfpackComparison();
  const dkb = (n: number) => `${(n / 1000).toFixed(2)} kB`;
  log('\n## 3D bytes: citylab-models optimize vs gltfpack -cc on the generated demo models (kB = 1000 bytes)');
  for (const r of rows) log(`${r.name.padEnd(14)} ${dkb(r.source).padStart(9)} → ours ${dkb(r.ours).padStart(8)}   gltfpack ${dkb(r.gltfpack).padStart(8)}   ratio ${(r.ours / r.gltfpack).toFixed(3)}`);
  const sum = (k: 'source' | 'ours' | 'gltfpack') => rows.reduce((n, r) => n + r[k], 0);
  log(`${'all'.padEnd(14)} ${dkb(sum('source')).padStart(9)} → ours ${dkb(sum('ours')).padStart(8)}   gltfpack ${dkb(sum('gltfpack')).padStart(8)}   ratio ${(sum('ours') / sum('gltfpack')).toFixed(3)} (goal ≤ 1)`);
}
