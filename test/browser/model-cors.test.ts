/**
 * 3D files the endpoint serves itself (issue 10): a shop's page on another origin than the
 * endpoint shows the AR viewer, model-viewer fetches the GLB and the poster from the endpoint's
 * own site folder (as the demo town serves its models), and the model is really drawn; the
 * page may fetch the USDZ file with CORS too. Without `Access-Control-Allow-Origin` on those
 * files the browser blocks the GLB and the viewer reports an error instead.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LAMP, seedTestTown } from '../fixtures/town.js';
import { arModels, drawnPixelsOnceDrawn, viewerOf } from './ar-viewer-support.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import { openHostPage, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';

let endpoint: string;

before(async function () {
  this.timeout(120_000);
  const { base } = await arModels();
  ({ endpoint } = await executeServerCommand<{ endpoint: string }, { files: Record<string, string>; usdz: string[] }>('citylab-site-endpoint', {
    files: { 'vase.glb': `${base}vase.glb`, 'vase-poster.webp': `${base}vase-poster.webp` },
    usdz: ['vase'],
  }));
  await seedTestTown(endpoint, testEnv.adminKey);
  // Paths on the endpoint itself, as the demo's products have them.
  const model = { glb_url: '/demo/models/vase.glb', usdz_url: '/demo/models/vase.usdz', poster_url: '/demo/models/vase-poster.webp' };
  const res = await fetch(`${endpoint}/v1/products/${LAMP}/model`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${testEnv.adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(model),
  });
  if (!res.ok) throw new Error(`PUT model: ${res.status} ${await res.text()}`);
});

describe('3D files served by the endpoint, on a shop page of another origin', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('model-viewer loads the GLB and poster from the endpoint and draws the model; the USDZ fetches with CORS', async () => {
    page = await openHostPage({ endpoint, gtin: LAMP, store: 'licht-haus' });
    const p = page;
    expect(p.win.location.origin, 'the page is of another origin than the endpoint').not.to.equal(new URL(endpoint).origin);
    const el = p.el('citylab-ar-viewer') as CitylabArViewer;
    const state = () => el.getAttribute('state');
    await waitUntil(() => state() === 'poster', `no poster (state ${state()})`, { timeout: 10_000 });
    const poster = p.$('citylab-ar-viewer', 'img.poster') as HTMLImageElement;
    expect(poster.src).to.equal(`${endpoint}/demo/models/vase-poster.webp`);
    await waitUntil(() => poster.complete && poster.naturalWidth > 0, 'the poster did not load', { timeout: 10_000 });

    p.$('citylab-ar-viewer', 'button.view-3d')!.click();
    await waitUntil(() => ['ready', 'error'].includes(state()!), 'the 3D view did not finish', { timeout: 30_000 });
    expect(state(), JSON.stringify({ ...p.report, keys: undefined })).to.equal('ready');
    const viewer = viewerOf(el)!;
    expect(viewer.src).to.equal(`${endpoint}/demo/models/vase.glb`);
    const glb = p.win.performance.getEntriesByType('resource').filter((e) => e.name === `${endpoint}/demo/models/vase.glb`);
    expect(glb.length, 'the GLB came from the endpoint').to.be.greaterThan(0);
    // The celadon glaze, drawn: not only the load event (model-viewer fires it even without WebGL).
    const pixels = await drawnPixelsOnceDrawn(viewer, (r, g, b) => g > r + 10 && b > r, (px) => px.drawn > 0.05 && px.coloured > 0.02);
    expect(pixels.drawn, 'share of the view covered by the vase').to.be.greaterThan(0.05);
    expect(pixels.coloured, 'celadon glaze').to.be.greaterThan(0.02);

    const usdz = await p.win.fetch(`${endpoint}/demo/models/vase.usdz`, { mode: 'cors' });
    expect(usdz.status).to.equal(200);
    const bytes = new Uint8Array(await usdz.arrayBuffer());
    expect([...bytes.slice(0, 4)], 'a zip archive').to.deep.equal([0x50, 0x4b, 0x03, 0x04]);
    expect(p.report.errors, 'nothing thrown').to.deep.equal([]);
  }).timeout(60_000);

  it('the endpoint\'s own AR page shows the 3D view under its policy, which allows no inline style', async () => {
    const url = `${endpoint}/ar/${LAMP}`;
    const { csp } = await executeServerCommand<{ csp: string | null }, { url: string }>('citylab-visit', { url });
    expect(csp).to.match(/style-src 'self'(;|$)/);
    expect(csp).not.to.include('unsafe-inline');
    type Seen = { state: string | null; violations: string[]; errors: string[] } | null;
    let seen: Seen = null;
    try {
      await waitUntil(
        async () => {
          seen = await executeServerCommand<Seen, undefined>('citylab-visit-report');
          return seen && (['ready', 'error'].includes(seen.state ?? '') || seen.errors.length > 0);
        },
        'the AR page\'s viewer did not finish',
        { timeout: 45_000, interval: 500 },
      );
    } finally {
      await executeServerCommand('citylab-visit-close');
    }
    expect(seen, JSON.stringify(seen)).to.deep.include({ state: 'ready', violations: [], errors: [] });
  }).timeout(60_000);
});
