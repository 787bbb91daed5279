/**
 * `npm run bench`: size and load figures, each next to a baseline measured in
 * the same run (the machine is shared and noisy: compare ratios and medians,
 * not absolute numbers across runs).
 *
 *   BENCH_DURATION=10 (seconds per load run)   BENCH_CONNECTIONS=64
 */
import autocannon from 'autocannon';
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

async function sizes(): Promise<void> {
  log('\n## Script-tag bundle (min + gzip -9)');
  const dist = join(ROOT, 'dist');
  const entry = gz(readFileSync(join(dist, 'citylab.js')));
  const baseline = await bundleGzip(
    "import { LitElement, html } from 'lit';\nclass X extends LitElement { render() { return html`<p>x</p>`; } }\ncustomElements.define('x-baseline', X);\n",
  );
  const chunks = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'citylab.js');
  log(`dist/citylab.js            ${kb(entry).padStart(9)}   baseline (Lit + one small element): ${kb(baseline)}   ratio ${(entry / baseline).toFixed(2)}×   budget 20 KB`);
  for (const c of chunks) log(`  lazy chunk ${c.padEnd(28)} ${kb(gz(readFileSync(join(dist, c))))}`);
}

// ------------------------------------------------------------------- load

interface Figures { rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function load(url: string, paths: () => string, warmup = 3): Promise<Figures> {
  // Warm up (JIT, page cache, the endpoint's answer cache) before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: warmup, requests: [{ setupRequest: (r: any) => ({ ...r, path: paths() }) }] });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests: [{ setupRequest: (req: any) => ({ ...req, path: paths() }) }] });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

function startChild(args: string[], env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CITYLAB_LOG: 'silent', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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

async function loadFigures(): Promise<void> {
  log(`\n## GET /v1/availability?gtin= on ${SHOPS} shops × ${ARTICLES_PER_SHOP.toLocaleString('en')} articles (${((SHOPS * ARTICLES_PER_SHOP) / 1e6).toFixed(0)} M stock rows), ${CONNECTIONS} connections, ${DURATION} s`);
  const file = join(ROOT, 'data', 'bench', `town-${SHOPS}x${ARTICLES_PER_SHOP}-v2.db`);
  mkdirSync(join(ROOT, 'data', 'bench'), { recursive: true });
  await ensureBenchTown(file, log);
  const endpoint = await startChild(['dist/server/cli.js', 'serve', '--port', '0', '--db', file]);
  let i = 0;
  // "Hot": 4,096 products asked again and again (product pages being viewed): answers come from
  // the endpoint's cache. "Cold": every request another product, so every answer is computed.
  const gtins = Array.from({ length: 4096 }, (_, k) => benchGtin((k * 7919) % CATALOGUE));
  const availabilityPath = () => `/v1/availability?gtin=${gtins[i++ % gtins.length]}`;
  let j = 0;
  const coldPath = () => `/v1/availability?gtin=${benchGtin((j++ * 104_729 + 17) % CATALOGUE)}`;
  // A typical answer, so the bare server sends a body of the same size.
  const sample = await (await fetch(endpoint.url + availabilityPath())).text();
  const offers = (JSON.parse(sample) as { offers: unknown[] }).offers.length;

  const bareCode = `const body = ${JSON.stringify(sample)};
    const s = require('node:http').createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }); res.end(body); });
    s.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + s.address().port));`;
  const bare = await startChild(['-e', bareCode]);
  try {
    const base = await load(bare.url, () => '/');
    const ours = await load(endpoint.url, availabilityPath, 6);
    const cold = await load(endpoint.url, coldPath);
    const row = (name: string, f: Figures) =>
      log(`${name.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms${f.errors || f.non2xx ? `   errors ${f.errors} non-2xx ${f.non2xx}` : ''}`);
    log(`(typical answer: ${offers} offers, ${kb(Buffer.byteLength(sample))}; the bare server sends that same body)`);
    row('baseline: bare node:http', base);
    row('endpoint, hot products (cached)', ours);
    row('endpoint, every product new (no cache)', cold);
    log(`ratio hot:  ${(ours.rps / base.rps).toFixed(2)} of the bare server's throughput (goal ≥ 0.5); p99 ${ours.p99} ms vs bare ${base.p99} ms (goal < 20 ms)`);
    log(`ratio cold: ${(cold.rps / base.rps).toFixed(2)} of the bare server's throughput; p99 ${cold.p99} ms`);
  } finally {
    endpoint.child.kill();
    bare.child.kill();
  }
}

await sizes();
if (!process.argv.includes('--sizes-only')) await loadFigures();
rmSync(join(ROOT, 'data', 'bench', 'lit-baseline.ts'), { force: true });
