/**
 * The script-tag entry loads an element's code only when its tag is on the
 * page, also when the tag is added later; citylab.css reserves the space meanwhile.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { autoload } from '../../src/sdk/autoload.js';
import { testEnv } from './test-env.js';

const loaded = (part: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));

describe('autoload (dist/citylab.js)', () => {
  it('defines the elements on the page, later-added ones too, and loads nothing for absent ones', async () => {
    expect(customElements.get('citylab-store-finder')).to.equal(undefined);
    // The snippet's stylesheet, as a shop page links it (it reserves the space, not the script).
    const sheet = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${testEnv.endpoint}/sdk/citylab.css` });
    await new Promise((resolve, reject) => {
      sheet.onload = resolve;
      sheet.onerror = reject;
      document.head.append(sheet);
    });
    const wrapper = await fixture(html`<div><citylab-ar-viewer></citylab-ar-viewer></div>`);
    const viewer = wrapper.querySelector('citylab-ar-viewer')!;
    autoload();
    // Before its code arrives, the viewer already holds its square picture and the row of buttons under it (0.5rem + 44 px).
    expect(getComputedStyle(viewer).display).to.equal('block');
    expect(viewer.getBoundingClientRect().height).to.be.closeTo(viewer.getBoundingClientRect().width + 8 + 44, 1);
    await waitUntil(() => customElements.get('citylab-ar-viewer'), 'viewer not defined', { timeout: 8000 });
    expect(customElements.get('citylab-store-finder')).to.equal(undefined);
    expect(customElements.get('citylab-click-collect')).to.equal(undefined);
    expect(loaded('/elements/store-finder/'), 'no finder code fetched').to.equal(false);
    expect(loaded('/elements/click-collect/'), 'no reservation code fetched').to.equal(false);

    const later = document.createElement('section');
    later.innerHTML = '<p><citylab-store-finder></citylab-store-finder></p>';
    wrapper.append(later);
    await waitUntil(() => customElements.get('citylab-store-finder'), 'finder added later not defined', { timeout: 8000 });
    expect(customElements.get('citylab-click-collect')).to.equal(undefined);
  });
});
