/**
 * Every HTML page the endpoint serves, found from the app's own routes (so a page added
 * later is checked too), sends the same strict headers: a Content-Security-Policy without
 * inline scripts and with frame-ancestors 'none', nosniff and a Referrer-Policy.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/server/app.js';
import { seedTestTown, LAMP, ADMIN_KEY } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, startEndpoint, tempDir, type RunningEndpoint } from './harness.js';

/** Values for the routes' parameters: a found and a not-found one each. */
const PARAMS: Record<string, string[]> = {
  id: ['res_nothere'],
  gtin: [LAMP, '4006381333931', 'not-a-gtin'],
  tag: ['citylab-store-finder', 'citylab-click-collect', 'citylab-ar-viewer', 'no-such-element'],
  file: ['reservation.js', 'nothere.js'],
};

/** The GET paths of the app's own (non-API) routes, with their parameters filled in. */
function pagePaths(app: ReturnType<typeof createApp>): string[] {
  const paths = new Set<string>();
  for (const r of app.routes) {
    if ((r.method !== 'GET' && r.method !== 'ALL') || r.path.startsWith('/v1') || r.path === '/*') continue;
    let variants = [r.path.replace(/\/\*$/, '/')];
    for (const [, name] of r.path.matchAll(/:(\w+)/g)) {
      const values = PARAMS[name!];
      assert.ok(values, `a value for :${name} (a new page? add it to PARAMS)`);
      variants = variants.flatMap((v) => values.map((value) => v.replace(`:${name}`, value)));
    }
    for (const v of variants) paths.add(v);
  }
  return [...paths];
}

for (const backend of BACKENDS) {
  describe(`HTML page headers on ${backend}`, () => {
    let ep: RunningEndpoint;
    let site: string;
    before(async () => {
      site = tempDir();
      mkdirSync(join(site, 'shops'));
      writeFileSync(join(site, 'index.html'), '<!doctype html><title>Demo</title><script type="module" src="/sdk/citylab.js"></script>');
      writeFileSync(join(site, 'shops', 'index.html'), '<!doctype html><title>Shops</title>');
      ep = await startEndpoint({ backend, app: { sites: [{ prefix: '/demo', dir: site }] } });
      await seedTestTown(ep.url);
      const res = await fetch(`${ep.url}/v1/products/${LAMP}/model`, {
        method: 'PUT', headers: adminHeaders, body: JSON.stringify({ glb_url: 'https://models.example/lamp.glb' }),
      });
      assert.ok(res.ok, await res.text());
    });
    after(() => ep.close());

    it('every HTML page sends a CSP without inline scripts, frame-ancestors \'none\', nosniff and a Referrer-Policy', async () => {
      const app = createApp({ storage: ep.storage, adminKey: ADMIN_KEY, version: 'test', publicUrl: ep.url, sites: [{ prefix: '/demo', dir: site }] });
      const paths = [...pagePaths(app), '/demo/shops/', '/demo/index.html'];
      const html: string[] = [];
      for (const path of paths) {
        const res = await fetch(`${ep.url}${path}`, { redirect: 'follow' });
        await res.arrayBuffer();
        if (!/^text\/html/.test(res.headers.get('content-type') ?? '')) continue;
        html.push(`${path} ${res.status}`);
        const csp = res.headers.get('content-security-policy') ?? '';
        assert.ok(csp, `${path}: a Content-Security-Policy`);
        const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;\s*)default-src ([^;]*)/.exec(csp)?.[1] ?? '';
        assert.ok(scriptSrc && !scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes("'unsafe-eval'"), `${path}: script-src ${scriptSrc}`);
        assert.match(csp, /frame-ancestors 'none'/, path);
        assert.match(csp, /base-uri 'none'/, path);
        // No inline style either, but on the demo town's pages (each shop's look is a <style> of its own).
        if (!path.startsWith('/demo') && path !== '/') assert.ok(!csp.includes("'unsafe-inline'"), `${path}: ${csp}`);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      }
      // The pages the endpoint has today, each seen (found and not found).
      for (const page of ['/r/res_nothere 200', `/ar/${LAMP} 200`, '/ar/4006381333931 404', '/docs 200', '/docs/citylab-store-finder 200', '/demo/ 200', '/demo/shops/ 200', '/ 200']) {
        assert.ok(html.includes(page), `${page} among ${html.join(', ')}`);
      }
    });
  });
}
