/**
 * Counting without tracking, as a shopper's visit makes it: the three elements on
 * one page against the real endpoint, real input (mouse and keys), then the rows
 * the endpoint stored, read from its database. Nothing is sent before the shopper
 * interacts; every action is counted once; the rows hold counts and nothing else;
 * the shop's figures equal the actions taken.
 *
 * Headless Chromium says "HeadlessChrome" in its user agent, which the endpoint
 * rightly drops as a bot: this test browses as a desktop Chrome.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendMouse, setUserAgent } from '@web/test-runner-commands';
import '../../src/sdk/elements/ar-viewer/define.js';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/store-finder/define.js';
import type { CitylabClickCollect } from '../../src/sdk/elements/click-collect/click-collect.js';
import { InsightsReport } from '../../src/sdk/contract/insights.js';
import { gtin } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const ep = testEnv.endpoint;
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${ep}${path}`, { ...init, headers: { Authorization: `Bearer ${testEnv.adminKey}`, 'Content-Type': 'application/json', ...init.headers } });

type Row = Record<string, unknown> & { event: string; store_id: string; n: number };
const rowsOf = (g: string) => executeServerCommand('citylab-insight-rows', { gtin: g }) as Promise<Row[]>;
const beaconsSent = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/events')).length;

/** A real click in the middle of an element (pointerdown, mousedown, click), as a shopper's. */
async function click(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

function setField(el: Element, id: string, value: string): void {
  const input = $(el, `#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('insights: a shopper\'s visit becomes counts, and nothing else', () => {
  const g = gtin(880);
  const name = 'Leuchte Zählbar';
  // Links opened in the test would leave the test page: the click is counted, the navigation not done.
  const stay = (e: Event) => e.composedPath().some((n) => n instanceof HTMLAnchorElement) && e.preventDefault();

  before(async () => {
    await ensureTown();
    await setUserAgent(DESKTOP);
    for (const [store, quantity] of [['licht-haus', 4], ['wohnen-am-steinweg', 2]] as const) {
      const res = await admin(`/v1/stores/${store}/inventory`, {
        method: 'PATCH',
        body: JSON.stringify({ items: [{ sku: `IN-${store}`, gtin: g, quantity, price: { amount: '59.00', currency: 'EUR' }, title: name }] }),
      });
      if (!res.ok) throw new Error(`PATCH ${store}: ${res.status} ${await res.text()}`);
    }
    document.addEventListener('click', stay);
  });
  after(() => document.removeEventListener('click', stay));

  it('sends nothing before the shopper interacts, then counts each action once', async () => {
    performance.clearResourceTimings();
    const page = await fixture<HTMLElement>(html`<div>
      <citylab-ar-viewer gtin=${g} endpoint=${ep} lang="de"></citylab-ar-viewer>
      <citylab-click-collect gtin=${g} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>
      <citylab-store-finder gtin=${g} endpoint=${ep} lang="de"></citylab-store-finder>
    </div>`);
    const finder = page.querySelector('citylab-store-finder')!;
    const cc = page.querySelector<CitylabClickCollect>('citylab-click-collect')!;
    await waitUntil(() => finder.shadowRoot!.querySelectorAll('.offer:not(.skeleton)').length === 2, 'the finder did not load', { timeout: 8000 });
    await waitUntil(() => cc.status === 'available', 'click & collect did not load', { timeout: 8000 });
    // Three elements showed the product; the page stays quiet until the shopper does something.
    await new Promise((r) => setTimeout(r, 1500));
    expect(beaconsSent(), 'no beacon before an interaction').to.equal(0);
    expect(await rowsOf(g)).to.deep.equal([]);

    // The shopper opens the route to the other shop, then reserves at this one.
    await click(finder.shadowRoot!.querySelector<HTMLElement>('[data-store="wohnen-am-steinweg"] .actions a[target="_blank"]')!);
    await click($(cc, '.reserve')!);
    await waitUntil(() => (cc.shadowRoot!.querySelector('dialog') as HTMLDialogElement | null)?.open, 'the dialog did not open', { timeout: 8000 });
    setField(cc, 'cc-name', 'Erika Mustermann');
    setField(cc, 'cc-email', `erika.${crypto.randomUUID().slice(0, 8)}@example.org`);
    ($(cc, '#cc-privacy') as HTMLInputElement).click();
    await cc.updateComplete;
    ($(cc, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => $(cc, '.code'), 'no confirmation', { timeout: 8000 }).catch((e: Error) => {
      throw new Error(`${e.message}: ${cc.shadowRoot!.querySelector('dialog')?.textContent?.replace(/\s+/g, ' ')}`);
    });
    const list = (await (await admin('/v1/stores/licht-haus/reservations')).json()) as { items: { id: string; item: { gtin: string } }[] };
    const reservation = list.items.find((r) => r.item.gtin === g)!;
    const collected = await admin(`/v1/stores/licht-haus/reservations/${reservation.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'collected' }) });
    expect(collected.status).to.equal(200);

    const expected = {
      'collected licht-haus': 1,
      'finder-search ': 1,
      'reservation-open licht-haus': 1,
      'reserved licht-haus': 1,
      'route-open wohnen-am-steinweg': 1,
      'view ': 1,
    };
    const summary = async () => Object.fromEntries((await rowsOf(g)).map((r) => [`${r.event} ${r.store_id}`, Number(r.n)]));
    await waitUntil(async () => Object.keys(await summary()).length >= Object.keys(expected).length, 'the counts did not arrive', { timeout: 8000 });
    expect(await summary()).to.deep.equal(expected);
    expect(beaconsSent(), 'one request carried the events').to.be.at.most(2);

    // What is stored: counts by hour, shop, product and event. No column for anyone.
    const rows = await rowsOf(g);
    for (const row of rows) expect(Object.keys(row).sort()).to.deep.equal(['demo', 'detail', 'event', 'gtin', 'hour', 'n', 'store_id']);
    expect(JSON.stringify(rows)).not.to.match(/Mozilla|127\.0\.0\.1|Erika|example\.org/);
    // No trace in the shopper's browser either.
    expect(document.cookie).to.equal('');
    expect(localStorage.length + sessionStorage.length).to.equal(0);

    // The shop's figures are these actions.
    const res = await admin('/v1/stores/licht-haus/insights');
    const report = InsightsReport.parse(await res.json());
    const mine = report.top_products.find((p) => p.gtin === g)!;
    expect(mine.name).to.equal(name);
    expect([mine.counts.view, mine.counts['finder-search'], mine.counts['reservation-open'], mine.counts.reserved, mine.counts.collected]).to.deep.equal([1, 1, 1, 1, 1]);
    expect(mine.counts['route-open'], 'the route to another shop is that shop\'s').to.equal(0);
  }).timeout(40_000);
});
