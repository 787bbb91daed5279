/**
 * The endpoint's 3D and AR routes over real HTTP, on each backend: attaching a
 * model to a product (operator only, validated, nothing changed on refusal),
 * the decoders model-viewer needs, and the landing page a phone opens from the
 * viewer's QR code.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Problem, Product } from '../../src/sdk/contract/schemas.js';
import { LAMP, UNKNOWN, VASE, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

const MODEL = {
  glb_url: '/models/lamp.glb',
  usdz_url: '/models/lamp.usdz',
  poster_url: '/models/lamp-poster.webp',
  dimensions_m: { width: 0.3, height: 0.5, depth: 0.3 },
};

/** The page's Content-Security-Policy as directive → sources. */
function policy(res: Response): Record<string, string[]> {
  const header = res.headers.get('content-security-policy');
  assert.ok(header, 'a Content-Security-Policy');
  return Object.fromEntries(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

async function expectProblem(res: Response, status: number, code: string) {
  assert.equal(res.status, status, `expected ${status} ${code}`);
  const problem = Problem.parse(await res.json());
  assert.equal(problem.code, code);
  return problem;
}

for (const backend of BACKENDS) {
  describe(`3D and AR routes on ${backend}`, () => {
    let ep: RunningEndpoint;
    let town: SeededTown;
    const product = async (gtin: string) => Product.parse(await (await fetch(`${ep.url}/v1/products/${gtin}`)).json());

    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    it('PUT /v1/products/{gtin}/model attaches a model that the product then carries', async () => {
      const res = await fetch(`${ep.url}/v1/products/${LAMP}/model`, { method: 'PUT', headers: adminHeaders, body: JSON.stringify(MODEL) });
      assert.equal(res.status, 200);
      assert.deepEqual(Product.parse(await res.json()).model, MODEL);
      const stored = await product(LAMP);
      assert.deepEqual(stored.model, MODEL);
      assert.equal(stored.name, 'Tischleuchte Mohn', 'the rest of the product is kept');
      const availability = await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json();
      assert.deepEqual(availability.product.model, MODEL);
    });

    it('refuses shop keys (403), wrong keys (401), unknown fields and bad values (400), unknown products (404), and changes nothing', async () => {
      const before = await product(LAMP);
      const shopKey = Object.values(town.keys)[0]!;
      const put = (headers: Record<string, string>, body: unknown, gtin = LAMP) =>
        fetch(`${ep.url}/v1/products/${gtin}/model`, { method: 'PUT', headers, body: JSON.stringify(body) });
      const other = { glb_url: '/models/other.glb' };
      await expectProblem(await put(keyHeaders(shopKey), other), 403, 'forbidden');
      await expectProblem(await put(keyHeaders('wrong'), other), 401, 'unauthorized');
      await expectProblem(await put({ 'Content-Type': 'application/json' }, other), 401, 'unauthorized');
      const stray = await expectProblem(await put(adminHeaders, { ...other, colour: 'red' }), 400, 'validation-failed');
      assert.deepEqual(stray.errors, [{ path: 'colour', reason: 'unknown field' }]);
      await expectProblem(await put(adminHeaders, { ...other, dimensions_m: { width: 1, height: 1, depth: 1, weight: 3 } }), 400, 'validation-failed');
      await expectProblem(await put(adminHeaders, { glb_url: '' }), 400, 'validation-failed');
      await expectProblem(await put(adminHeaders, { ...other, dimensions_m: { width: -1, height: 1, depth: 1 } }), 400, 'validation-failed');
      await expectProblem(await put(adminHeaders, other, UNKNOWN), 404, 'product-not-found');
      await expectProblem(await put(adminHeaders, other, '123'), 400, 'validation-failed');
      const malformed = await fetch(`${ep.url}/v1/products/${LAMP}/model`, { method: 'PUT', headers: adminHeaders, body: '{"glb_url":' });
      await expectProblem(malformed, 400, 'malformed-json');
      assert.deepEqual(await product(LAMP), before);
    });

    it('DELETE /v1/products/{gtin}/model takes the model away again', async () => {
      const res = await fetch(`${ep.url}/v1/products/${LAMP}/model`, { method: 'DELETE', headers: adminHeaders });
      assert.equal(res.status, 200);
      assert.equal((await product(LAMP)).model, undefined);
      await fetch(`${ep.url}/v1/products/${LAMP}/model`, { method: 'PUT', headers: adminHeaders, body: JSON.stringify(MODEL) });
    });

    it('serves the decoders citylab-sdk ships, byte for byte those of three.js and meshoptimizer, to any origin', async () => {
      const require = createRequire(import.meta.url);
      const three = join(dirname(require.resolve('three')), '..');
      const source: Record<string, string> = {
        'meshopt_decoder.js': join(dirname(require.resolve('meshoptimizer')), 'meshopt_decoder.cjs'),
        'draco_wasm_wrapper.js': join(three, 'examples/jsm/libs/draco/gltf/draco_wasm_wrapper.js'),
        'draco_decoder.wasm': join(three, 'examples/jsm/libs/draco/gltf/draco_decoder.wasm'),
        'basis_transcoder.wasm': join(three, 'examples/jsm/libs/basis/basis_transcoder.wasm'),
      };
      for (const [name, type] of [
        ['meshopt_decoder.js', 'text/javascript; charset=utf-8'],
        ['draco_wasm_wrapper.js', 'text/javascript; charset=utf-8'],
        ['draco_decoder.wasm', 'application/wasm'],
        ['basis_transcoder.wasm', 'application/wasm'],
      ] as const) {
        const res = await fetch(`${ep.url}/sdk/decoders/${name}`);
        assert.equal(res.status, 200, name);
        assert.equal(res.headers.get('content-type'), type);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), await readFile(source[name]!), name);
      }
      await expectProblem(await fetch(`${ep.url}/sdk/decoders/package.json`), 404, 'not-found');
      await expectProblem(await fetch(`${ep.url}/sdk/decoders/..%2F..%2Fpackage.json`), 404, 'not-found');
    });

    it('GET /ar/{gtin} is a page with the viewer, the SDK from this endpoint, and a safe link back to the shop', async () => {
      // A shop of the town's website: "back" goes only to origins the town knows.
      const back = 'https://licht-haus.example/leuchten/mohn?farbe=weiß&x="<y>"';
      const res = await fetch(`${ep.url}/ar/${LAMP}?back=${encodeURIComponent(back)}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const csp = policy(res);
      assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'scripts only from this endpoint (and the decoders\' WebAssembly)');
      assert.deepEqual(csp['frame-ancestors'], ["'none'"]);
      assert.deepEqual(csp['connect-src'], ["'self'", 'blob:', 'data:'], 'the model is the endpoint\'s own: no other host');
      const html = await res.text();
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
      assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline style of its own');
      const css = await fetch(`${ep.url}/pages/ar.css`);
      assert.equal(css.status, 200);
      assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
      assert.match(await css.text(), /citylab-ar-viewer/);
      assert.match(html, /<html lang="de">/);
      assert.match(html, /<script type="module" src="\/sdk\/citylab\.js"><\/script>/);
      assert.match(html, new RegExp(`<citylab-ar-viewer gtin="${LAMP}" loading="eager" reveal="auto"></citylab-ar-viewer>`));
      assert.match(html, /<h1>Tischleuchte Mohn<\/h1>/);
      const href = /<a href="([^"]*)">← Zurück zu licht-haus\.example<\/a>/.exec(html)?.[1];
      assert.ok(href, 'a link back to the shop');
      assert.equal(href!.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))), new URL(back).href);
      assert.doesNotMatch(html, /<y>/, 'the shop URL cannot inject markup');
    });

    it('GET /ar/{gtin} lets the page reach the hosts of this product\'s model, and only those', async () => {
      const cdn = { glb_url: 'https://cdn.shop.example/m/lamp.glb', usdz_url: 'https://usdz.shop.example/lamp.usdz', poster_url: 'https://img.shop.example/lamp.webp' };
      const put = await fetch(`${ep.url}/v1/products/${LAMP}/model`, { method: 'PUT', headers: adminHeaders, body: JSON.stringify(cdn) });
      assert.equal(put.status, 200);
      try {
        const csp = policy(await fetch(`${ep.url}/ar/${LAMP}`));
        assert.deepEqual(csp['connect-src'], ["'self'", 'blob:', 'data:', 'https://cdn.shop.example', 'https://usdz.shop.example']);
        assert.deepEqual(csp['img-src'], ["'self'", 'blob:', 'data:', 'https://img.shop.example', 'https://cdn.shop.example', 'https://usdz.shop.example']);
        assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'never a script from the model\'s host');
      } finally {
        await fetch(`${ep.url}/v1/products/${LAMP}/model`, { method: 'PUT', headers: adminHeaders, body: JSON.stringify(MODEL) });
      }
    });

    it('GET /ar/{gtin} links back only to an origin the town knows: its shops\' websites and the endpoint', async () => {
      const hrefOf = async (back: string) => {
        const html = await (await fetch(`${ep.url}/ar/${LAMP}?back=${encodeURIComponent(back)}`)).text();
        return /<a href="([^"]*)">← /.exec(html)?.[1]?.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
      };
      assert.equal(await hrefOf('https://licht-haus.example/p/1'), 'https://licht-haus.example/p/1');
      assert.equal(await hrefOf(`${ep.url}/docs/`), `${ep.url}/docs/`);
      for (const stranger of ['https://evil.example/p/1', 'https://licht-haus.example.evil.example/', 'http://licht-haus.example/p/1', 'https://user@licht-haus.example/']) {
        assert.equal(await hrefOf(stranger), undefined, stranger);
      }
    });

    it('a model or poster URL is https or a path on the endpoint (http only on loopback)', async () => {
      const put = (model: unknown) => fetch(`${ep.url}/v1/products/${VASE}/model`, { method: 'PUT', headers: adminHeaders, body: JSON.stringify(model) });
      for (const bad of [
        { glb_url: 'http://models.example/vase.glb' },
        { glb_url: 'javascript:alert(1)' },
        { glb_url: '//models.example/vase.glb' },
        { glb_url: 'data:model/gltf-binary;base64,AAAA' },
        { glb_url: '/models/vase.glb', poster_url: 'ftp://models.example/vase.webp' },
        { glb_url: '/models/vase.glb', usdz_url: 'http://10.0.0.1/vase.usdz' },
      ]) {
        const res = await put(bad);
        assert.equal(res.status, 400, `${JSON.stringify(bad)}: ${await res.text()}`);
      }
      for (const good of [{ glb_url: 'https://models.example/vase.glb' }, { glb_url: '/models/vase.glb' }, { glb_url: 'http://127.0.0.1:9/vase.glb' }]) {
        const res = await put(good);
        assert.equal(res.status, 200, `${JSON.stringify(good)}: ${await res.text()}`);
      }
    });

    it('GET /ar/{gtin} speaks English when asked, drops a link back that is not http(s), and says 404 for products without a model', async () => {
      const english = await fetch(`${ep.url}/ar/${LAMP}?back=javascript:alert(1)`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
      const html = await english.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<title>Tischleuchte Mohn – view in your room<\/title>/);
      assert.doesNotMatch(html, /javascript:/);
      assert.doesNotMatch(html, /Back to/);
      const unknown = await fetch(`${ep.url}/ar/${UNKNOWN}`);
      assert.equal(unknown.status, 404);
      assert.match(await unknown.text(), /Keine 3D-Ansicht gefunden/);
    });
  });
}
