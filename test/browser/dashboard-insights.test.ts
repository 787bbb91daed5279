/**
 * The insights screen of the dashboard against the real endpoint: a shop's own
 * figures and the town's, as the endpoint computed them; a chart drawn by uPlot
 * with the same numbers in a table; the CSV link; "< 5" where the town's figures
 * are small; readable and unclipped at 360 px; axe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setUserAgent, setViewport } from '@web/test-runner-commands';
import '../../src/dashboard/insights/insights-view.js';
import type { DashboardInsights } from '../../src/dashboard/insights/insights-view.js';
import { InsightsReport } from '../../src/sdk/contract/insights.js';
import { LAMP, VASE } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const ep = testEnv.endpoint;
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const api = {
  async call<T>(method: string, path: string): Promise<T> {
    const res = await fetch(`${ep}${path}`, { method, headers: { Authorization: `Bearer ${testEnv.adminKey}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  },
};
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function beacon(events: unknown[]): Promise<void> {
  const res = await fetch(`${ep}/v1/events`, { method: 'POST', body: JSON.stringify({ pv: crypto.randomUUID().replace(/-/g, ''), events }) });
  expect(res.status).to.equal(204);
}

/** Texts cut off inside the element's shadow root. */
function clipped(el: Element): string[] {
  return $$(el, 'h2, h3, p, dt, dd, th, td, summary, button, label, a, .what span')
    .filter((node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflow !== 'visible')
    .map((node) => read(node.textContent));
}

describe('<dashboard-insights>', function () {
  // Each test loads figures, the chart library and runs axe: more than mocha's 10 s on a busy machine.
  this.timeout(30_000);
  before(async () => {
    await ensureTown();
    await setUserAgent(DESKTOP);
    for (let i = 0; i < 6; i++) await beacon([{ e: 'view', gtin: LAMP }, { e: 'store-select', gtin: LAMP, store: 'licht-haus' }]);
    await beacon([{ e: 'store-select', gtin: VASE, store: 'keramik-koenig' }]);
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows the shop\'s figures as the endpoint counted them, as a chart and as a table, with a CSV link', async () => {
    const expected = InsightsReport.parse(await api.call('GET', '/v1/stores/licht-haus/insights'));
    const el = await fixture<DashboardInsights>(html`<dashboard-insights store="licht-haus" lang="de" .api=${api}></dashboard-insights>`);
    await waitUntil(() => $(el, '.figures'), 'no figures', { timeout: 8000 });
    expect(read($(el, 'h2')!.textContent)).to.equal('Zahlen');
    expect(Number(read($(el, 'dd[data-event="view"]')!.textContent).replace(/\./g, ''))).to.equal(expected.totals.view);
    expect(Number(expected.totals.view)).to.be.at.least(6);
    await waitUntil(() => $(el, '.over-time canvas'), 'no chart drawn', { timeout: 8000 });
    const rows = $$(el, 'details tbody tr');
    expect(rows.length).to.equal(expected.series.length);
    const today = expected.series.at(-1)!;
    expect(read(rows.at(-1)!.textContent)).to.include(String(today.counts['store-select']));
    const csv = $(el, 'a[download]') as HTMLAnchorElement;
    expect(csv.getAttribute('href')).to.match(/^\/v1\/stores\/licht-haus\/insights\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&by=day$/);
    const top = $(el, `tr[data-gtin="${LAMP}"]`);
    expect(read(top!.textContent)).to.include('Tischleuchte Mohn');
    await expect(el).to.be.accessible();
  });

  it('per week on request, and in English', async () => {
    const el = await fixture<DashboardInsights>(html`<dashboard-insights store="licht-haus" lang="en" .api=${api}></dashboard-insights>`);
    await waitUntil(() => $(el, '.figures'), 'no figures', { timeout: 8000 });
    expect(read($(el, 'h2')!.textContent)).to.equal('Figures');
    const byWeek = $$(el, '.controls button').find((b) => read(b.textContent) === 'Per week')!;
    byWeek.click();
    await waitUntil(() => $$(el, 'details tbody tr').length <= 5 && byWeek.getAttribute('aria-pressed') === 'true', 'not per week', { timeout: 8000 });
    for (const row of $$(el, 'details tbody tr')) {
      const monday = new Date(`${read(row.querySelector('th')!.textContent)}T12:00:00Z`).getUTCDay();
      expect(monday, 'weeks are dated by their Monday').to.equal(1);
    }
  });

  it('shows the town small cells as "< 5", the shops that share, and passers-by beside online interest', async () => {
    const expected = InsightsReport.parse(await api.call('GET', '/v1/insights'));
    const el = await fixture<DashboardInsights>(html`<dashboard-insights lang="de" .api=${api}></dashboard-insights>`);
    await waitUntil(() => $(el, '.figures'), 'no figures', { timeout: 8000 });
    expect(read($(el, 'h2')!.textContent)).to.equal('Zahlen der Stadt');
    for (const dd of $$(el, '.figures dd')) {
      const event = dd.dataset.event as keyof typeof expected.totals;
      const want = expected.totals[event];
      expect(read(dd.textContent), event).to.equal(want === '<5' ? '< 5' : new Intl.NumberFormat('de-DE').format(want));
    }
    expect($$(el, 'a.button').map((a) => a.getAttribute('href'))).to.include.members(['/v1/open-data/insights.json', '/v1/privacy/insights']);
    await expect(el).to.be.accessible();
  });

  for (const width of [320, 360]) {
    it(`wraps and never clips at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const el = await fixture<DashboardInsights>(html`<dashboard-insights store="licht-haus" lang="de" .api=${api}></dashboard-insights>`);
      await waitUntil(() => $(el, '.over-time canvas'), 'no chart drawn', { timeout: 8000 });
      expect(clipped(el)).to.deep.equal([]);
      expect(document.documentElement.scrollWidth, 'no horizontal scroll').to.be.at.most(width);
      const canvas = $(el, '.over-time canvas') as HTMLCanvasElement;
      expect(canvas.getBoundingClientRect().width).to.be.at.most(width);
    });
  }
});
