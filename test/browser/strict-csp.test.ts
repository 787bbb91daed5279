/**
 * A shop page with a strict Content-Security-Policy and Trusted Types (issue 10): nonce-based
 * script-src with 'strict-dynamic', no 'unsafe-inline' (scripts nor styles), no 'unsafe-eval'
 * ('wasm-unsafe-eval' for the 3D decoders), `require-trusted-types-for 'script'`: the directives
 * the README lists (test/browser/host-pages.mjs sends exactly those). The three elements, the
 * map, the dialog and the 3D view work, with no violation and nothing thrown.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { VASE_3D } from '../fixtures/ar-products.js';
import { LAMP } from '../fixtures/town.js';
import { arModels, ensureArProducts } from './ar-viewer-support.js';
import { openHostPage, type HostPage } from './host-page.js';
import { ensureTown } from './town.js';

before(async () => {
  await ensureTown();
  await ensureArProducts();
});

describe('citylab.js under a strict CSP with Trusted Types', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('the three elements, the map, the dialog and the 3D view work without a violation', async () => {
    const { base } = await arModels();
    page = await openHostPage({ csp: 'strict', hosts: new URL(base).origin, gtin: LAMP, viewer: VASE_3D, store: 'licht-haus' });
    const p = page;
    const said = () => JSON.stringify({ ...p.report, keys: undefined, viewer: p.el('citylab-ar-viewer').getAttribute('state') });
    expect('trustedTypes' in p.win, 'Trusted Types').to.equal(true);
    await waitUntil(
      () => p.el('citylab-ar-viewer').getAttribute('state') === 'poster' && p.el('citylab-click-collect').getAttribute('status') === 'available' && p.$('citylab-store-finder', '.offer:not(.skeleton)'),
      `the elements did not show their content: ${said()}`,
      { timeout: 8000 },
    );

    p.$('citylab-store-finder', 'button[aria-controls="map"]')!.click();
    await waitUntil(() => p.$('citylab-store-finder', '.leaflet-marker-icon'), `no map pins: ${said()}`, { timeout: 8000 });
    expect(p.$('citylab-store-finder', '.leaflet-marker-icon')!.textContent).to.equal('1');

    p.$('citylab-click-collect', 'button.reserve')!.click();
    await waitUntil(() => p.$('citylab-click-collect', 'dialog[open] form'), `no dialog: ${said()}`, { timeout: 8000 });
    (p.$('citylab-click-collect', 'dialog[open]') as HTMLDialogElement).close();

    p.$('citylab-ar-viewer', 'button.view-3d')!.click();
    await waitUntil(() => ['ready', 'error'].includes(p.el('citylab-ar-viewer').getAttribute('state')!), 'the 3D view did not finish', { timeout: 20_000 });
    expect(p.el('citylab-ar-viewer').getAttribute('state'), said()).to.equal('ready');

    expect(p.report.violations, 'securitypolicyviolation').to.deep.equal([]);
    expect(p.report.errors, 'nothing thrown').to.deep.equal([]);
    expect(p.report.rejections, 'no unhandled rejection').to.deep.equal([]);
  }).timeout(40_000);
});
