/**
 * The script-tag bundle as the endpoint serves it from the built citylab-sdk (npm test builds
 * it first): the moving `/sdk/citylab.js` and `/sdk/citylab.css`, the same files under
 * `/sdk/<version>/` (immutable, so a shop can pin them with Subresource Integrity), and the
 * hashes the build wrote into `dist/sri.json` matching the bytes served.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SDK_DIR } from '../../src/server/package-files.js';
import { startEndpoint, type RunningEndpoint } from './harness.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300, stale-while-revalidate=86400';
const sri = JSON.parse(readFileSync(join(SDK_DIR, 'sri.json'), 'utf8')) as { version: string; integrity: Record<string, string> };
const pkg = JSON.parse(readFileSync(join(SDK_DIR, '..', 'package.json'), 'utf8')) as { version: string };
const sha384 = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

describe('/sdk/: the snippet\'s files, moving and versioned', () => {
  let ep: RunningEndpoint;
  before(async () => {
    ep = await startEndpoint();
  });
  after(() => ep.close());

  it('the build names the package\'s version and an SRI hash for each file of the snippet', () => {
    assert.equal(sri.version, pkg.version);
    assert.deepEqual(Object.keys(sri.integrity).sort(), ['citylab.css', 'citylab.js']);
  });

  for (const file of ['citylab.js', 'citylab.css']) {
    it(`${file}: short-lived at /sdk/, immutable at /sdk/<version>/, same bytes, matching its SRI hash`, async () => {
      const moving = await fetch(`${ep.url}/sdk/${file}`);
      const pinned = await fetch(`${ep.url}/sdk/${sri.version}/${file}`);
      assert.equal(moving.status, 200);
      assert.equal(pinned.status, 200);
      assert.equal(moving.headers.get('cache-control'), SHORT);
      assert.equal(pinned.headers.get('cache-control'), IMMUTABLE);
      assert.match(pinned.headers.get('content-type') ?? '', file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      // A stylesheet with crossorigin="anonymous" (needed for its integrity) is a CORS request.
      assert.equal(pinned.headers.get('access-control-allow-origin'), '*');
      const [a, b] = [new Uint8Array(await moving.arrayBuffer()), new Uint8Array(await pinned.arrayBuffer())];
      assert.deepEqual(b, a);
      assert.equal(sha384(b), sri.integrity[file]);
      const again = await fetch(`${ep.url}/sdk/${sri.version}/${file}`, { headers: { 'If-None-Match': pinned.headers.get('etag')! } });
      assert.equal(again.status, 304);
    });
  }

  it('the versioned entry loads its chunks from the versioned path: relative imports, each served immutable', async () => {
    const entry = await (await fetch(`${ep.url}/sdk/${sri.version}/citylab.js`)).text();
    const specifiers = [...entry.matchAll(/(?:import\(|from)\s*["']([^"']+)["']/g)].map((m) => m[1]!);
    assert.ok(specifiers.length >= 3, `the entry imports each element's chunk: ${specifiers.join(', ')}`);
    for (const specifier of specifiers) {
      assert.match(specifier, /^\.\/[A-Za-z0-9_-]+\.js$/, 'relative to the entry, so /sdk/<version>/ stays the base');
      const url = new URL(specifier, `${ep.url}/sdk/${sri.version}/citylab.js`);
      const chunk = await fetch(url);
      assert.equal(chunk.status, 200, url.href);
      assert.equal(chunk.headers.get('cache-control'), IMMUTABLE);
      await chunk.arrayBuffer();
    }
  });

  it('another version than the installed one is a 404, never other bytes', async () => {
    const other = await fetch(`${ep.url}/sdk/9.9.9/citylab.js`);
    assert.equal(other.status, 404);
    assert.match(other.headers.get('content-type') ?? '', /problem\+json/);
    await other.arrayBuffer();
  });
});
