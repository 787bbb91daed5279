/**
 * The 3D models for the <citylab-ar-viewer> tests, made and served for real:
 *
 * - at start, `demo/scripts/ar-models.ts` builds the demo town's models and puts
 *   them through the model pipeline (optimize; posters rasterized from the SVG
 *   drawings, as on a machine without a browser) into a temporary folder. It runs
 *   in the background; the first request for a model waits for it.
 * - a model host on its own origin serves them over HTTP with CORS, as a shop's
 *   CDN or the endpoint would, plus `broken.glb` (bytes that are not glTF).
 *
 * Test-runner commands:
 * - `citylab-ar-models` → { base, models: [{ name, dimensions_m }] } once the models exist;
 * - `citylab-ar-model-hits` { reset?: boolean } → { glb: n } model downloads so far.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TYPES = { '.glb': 'model/gltf-binary', '.webp': 'image/webp', '.svg': 'image/svg+xml', '.json': 'application/json' };

export function citylabArModelsPlugin() {
  let dir;
  let server;
  let base;
  let ready;
  let glbHits = 0;

  const build = () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'demo/scripts/ar-models.ts', dir, '--svg-posters'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code !== 0) return reject(new Error(`demo/scripts/ar-models.ts failed (${code}):\n${output}`));
        // Not a glTF file at all: the viewer must say so and keep the poster.
        writeFileSync(path.join(dir, 'broken.glb'), Buffer.from('This is not a glTF binary, just text with a .glb name.\n'));
        const manifest = JSON.parse(readFileSync(path.join(dir, 'models.json'), 'utf8'));
        resolve(Object.values(manifest.models).map((m) => ({ name: m.name, dimensions_m: m.dimensions_m })));
      });
    });

  return {
    name: 'citylab-ar-models',
    async serverStart() {
      dir = mkdtempSync(path.join(tmpdir(), 'citylab-ar-models-'));
      ready = build();
      // Keep a failure for the test that asks, instead of an unhandled rejection now.
      ready.catch(() => {});
      server = createServer(async (req, res) => {
        const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
        const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
        if (!/^[a-z0-9-]+(-poster)?\.(glb|webp|svg)$/.test(name)) {
          res.writeHead(404, headers).end();
          return;
        }
        try {
          await ready;
          const body = readFileSync(path.join(dir, name));
          if (name.endsWith('.glb')) glbHits++;
          res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(name)] }).end(body);
        } catch {
          res.writeHead(404, headers).end();
        }
      });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${server.address().port}/`;
    },
    async serverStop() {
      await new Promise((r) => (server ? server.close(r) : r()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command === 'citylab-ar-models') {
        return { base, models: await ready };
      }
      if (command === 'citylab-ar-model-hits') {
        const hits = { glb: glbHits };
        if (payload?.reset) glbHits = 0;
        return hits;
      }
      return undefined;
    },
  };
}
