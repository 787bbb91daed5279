/**
 * The snippet with `citylab.js?load=intent`: the endpoint renders the elements' first frames
 * (`GET /v1/frames`) and their code waits for the shopper. Before any intent the page shows the
 * stock with citylab.js as its only script of ours, nothing moves, and nothing is refused by a
 * strict CSP with Trusted Types; a tap, typed text and focus that came before the code are
 * carried over to the element; a product the endpoint does not know gets the code at once.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendMouse, setUserAgent } from '@web/test-runner-commands';
import { LAMP, UNKNOWN, gtin } from '../fixtures/town.js';
import { openHostPage, read, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const TAGS = ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder'] as const;
const sdk = `${testEnv.endpoint}/sdk/citylab.js?load=intent`;
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const defined = (page: HostPage) => TAGS.filter((tag) => page.win.customElements.get(tag));
/** The scripts the page fetched from the SDK's folder. */
const scripts = (page: HostPage) =>
  (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\/sdk\/[^?]*\.js(\?|$)/.test(e.name)).map((e) => new URL(e.name).pathname.replace(/-[\w-]{8}\.js$/, '.js'));

async function framesShown(page: HostPage): Promise<void> {
  await waitUntil(() => page.$('citylab-store-finder', '.offer') && page.$('citylab-click-collect', 'button.reserve') && page.$('citylab-ar-viewer', '.stage'), 'the frames did not show', { timeout: 8000 });
  await frames();
}

before(() => ensureTown());

/** A real click in the middle of an element inside the host page's frame, as a shopper's. */
async function click(page: HostPage, target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const frame = page.frame.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(frame.left + box.left + box.width / 2), Math.round(frame.top + box.top + box.height / 2)] });
}

describe('citylab.js?load=intent: the endpoint’s frames first, the code on intent', () => {
  for (const [lang, width, csp] of [['de', 360, undefined], ['en', 320, 'strict'], ['de', 1280, undefined]] as const) {
    it(`at ${width} px, ${lang}${csp ? ', strict CSP with Trusted Types' : ''}: the stock shows with citylab.js alone, and nothing moves`, async () => {
      const page = await openHostPage({ sdk, gtin: LAMP, store: 'licht-haus', lang, csp }, { width, height: 2400 });
      try {
        await framesShown(page);
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(defined(page), 'no element’s code').to.deep.equal([]);
        expect(scripts(page), 'scripts of ours').to.deep.equal(['/sdk/citylab.js']);
        expect(page.el('citylab-click-collect').getAttribute('status')).to.equal('available');
        expect(read(page.$('citylab-click-collect', '.state')?.textContent)).to.match(lang === 'de' ? /^Vorrätig · 5 Stück frei/ : /^In stock · 5 available/);
        expect(page.el('citylab-store-finder').shadowRoot!.querySelectorAll('.offer')).to.have.length(3);
        expect(read(page.$('citylab-ar-viewer', '.stock')?.textContent)).to.equal(lang === 'de' ? 'In 2 Geschäften in der Nähe vorrätig' : 'In stock in 2 shops nearby');
        // Styled by constructed sheets (a <style> would be refused by the strict policy).
        expect(page.el('citylab-click-collect').shadowRoot!.querySelector('style')).to.equal(null);
        expect(getComputedStyle(page.$('citylab-click-collect', 'button.reserve')!).minHeight, 'the button’s own style').to.equal('48px');
        const cls = page.report.shifts.reduce((sum, s) => sum + s.value, 0);
        expect(cls, JSON.stringify(page.report.shifts)).to.be.lessThan(0.01);
        expect(page.report.violations, 'CSP violations').to.deep.equal([]);
        expect(page.report.errors, 'errors').to.deep.equal([]);
      } finally {
        page.close();
      }
    }).timeout(20_000);
  }

  it('a tap on “Reservieren & abholen” before the code opens the dialog when the code is here', async () => {
    const page = await openHostPage({ sdk, gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 2400 });
    try {
      await framesShown(page);
      expect(defined(page)).to.deep.equal([]);
      page.$('citylab-click-collect', 'button.reserve')!.click();
      await waitUntil(() => page.$('citylab-click-collect', 'dialog[open]'), 'the dialog did not open', { timeout: 8000 });
      expect(defined(page), 'only the tapped element’s code').to.deep.equal(['citylab-click-collect']);
      expect(page.el('citylab-click-collect').shadowRoot!.querySelectorAll('button.reserve'), 'one button: the element took its frame over').to.have.length(1);
      expect(page.report.errors).to.deep.equal([]);
    } finally {
      page.close();
    }
  }).timeout(20_000);

  it('text typed into the finder’s place field before the code stays, with the focus', async () => {
    const page = await openHostPage({ sdk, gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 2400 });
    try {
      await framesShown(page);
      const input = page.$('citylab-store-finder', 'input#where') as HTMLInputElement;
      input.focus();
      input.value = 'Olpe';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await page.win.customElements.whenDefined('citylab-store-finder');
      const finder = page.el('citylab-store-finder') as HTMLElement & { updateComplete: Promise<unknown> };
      await finder.updateComplete;
      await waitUntil(() => finder.shadowRoot!.activeElement?.id === 'where', 'the focus is back in the place field', { timeout: 4000 });
      const now = finder.shadowRoot!.querySelector('input#where') as HTMLInputElement;
      expect(now, 'the element’s own field').to.not.equal(input);
      expect(now.value).to.equal('Olpe');
      expect(page.report.errors).to.deep.equal([]);
    } finally {
      page.close();
    }
  }).timeout(20_000);

  it('counts the product’s view once: sent after the shopper’s first tap, not again when the code arrives', async () => {
    // Headless Chromium's user agent is a bot's, which the endpoint does not count.
    await setUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36');
    const g = gtin(881);
    const stock = await fetch(`${testEnv.endpoint}/v1/stores/licht-haus/inventory`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${testEnv.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: [{ sku: 'IL-881', gtin: g, quantity: 4, price: { amount: '59.00', currency: 'EUR' }, title: 'Leuchte Absicht' }] }),
    });
    expect(stock.status).to.equal(200);
    const rows = async () => Object.fromEntries(((await executeServerCommand('citylab-insight-rows', { gtin: g })) as { event: string; store_id: string; n: number }[]).map((r) => [`${r.event}${r.store_id ? ` ${r.store_id}` : ''}`, r.n]));
    const page = await openHostPage({ sdk, gtin: g, store: 'licht-haus' }, { width: 360, height: 2400 });
    try {
      await framesShown(page);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await rows(), 'nothing before the shopper acts').to.deep.equal({});
      await click(page, page.doc.querySelector('h1')!);
      await waitUntil(async () => (await rows())['view'] === 1, 'the view, after the first tap', { timeout: 6000 });
      expect(defined(page), 'a tap on the page’s own text is no intent').to.deep.equal([]);
      await click(page, page.$('citylab-click-collect', 'button.reserve')!);
      await waitUntil(() => page.$('citylab-click-collect', 'dialog[open]'), 'the dialog', { timeout: 8000 });
      await waitUntil(async () => (await rows())['reservation-open licht-haus'] === 1, 'the dialog counted', { timeout: 6000 });
      expect((await rows())['view'], 'the element’s own answer did not count the view again').to.equal(1);
      expect((await rows())['finder-search'], 'the finder’s list').to.equal(1);
    } finally {
      page.close();
    }
  }).timeout(30_000);

  it('a product the endpoint does not know: no frames, the code at once, which says so', async () => {
    const page = await openHostPage({ sdk, gtin: UNKNOWN, store: 'licht-haus' }, { width: 360, height: 2400 });
    try {
      await waitUntil(() => page.el('citylab-click-collect').getAttribute('status') === 'unavailable', 'the button says it cannot be reserved', { timeout: 8000 });
      expect(defined(page)).to.include('citylab-click-collect');
    } finally {
      page.close();
    }
  }).timeout(20_000);
});
