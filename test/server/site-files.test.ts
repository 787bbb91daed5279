/**
 * The files of the sites the endpoint serves beside the API (the demo town's 3D models,
 * posters and USDZ files): a shop's page on its own domain loads them, so each carries
 * `Access-Control-Allow-Origin: *` (they are public and sent without cookies).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, startEndpoint, tempDir, type RunningEndpoint } from './harness.js';

const FILES = ['models/lamp.glb', 'models/lamp.usdz', 'models/lamp.webp', 'models/lamp.png', 'models/lamp.jpg'];

for (const backend of BACKENDS) {
  describe(`site files on ${backend}`, () => {
    let ep: RunningEndpoint;
    before(async () => {
      const site = tempDir();
      mkdirSync(join(site, 'models'));
      for (const file of FILES) writeFileSync(join(site, file), Buffer.from('glTF-and-friends'));
      ep = await startEndpoint({ backend, app: { sites: [{ prefix: '/demo', dir: site }] } });
    });
    after(() => ep.close());

    for (const file of FILES) {
      it(`/demo/${file} may be loaded by a page of any origin`, async () => {
        const res = await fetch(`${ep.url}/demo/${file}`, { headers: { Origin: 'https://shop.example' } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
        assert.equal(res.headers.get('set-cookie'), null);
        // A revalidation keeps it too.
        const etag = res.headers.get('etag');
        if (etag) {
          const again = await fetch(`${ep.url}/demo/${file}`, { headers: { Origin: 'https://shop.example', 'If-None-Match': etag } });
          assert.equal(again.status, 304);
          assert.equal(again.headers.get('access-control-allow-origin'), '*');
        }
      });
    }
  });
}
