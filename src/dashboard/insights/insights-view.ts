/**
 * <dashboard-insights>: the figures of one shop (`store` set, with the shop's
 * session) or of the town (no `store`, with the operator's): key figures, a
 * chart over time, the numbers as a table and as CSV, the funnel from viewing to
 * collecting, the most viewed articles; for the town also the shops that share
 * their figures, and passers-by beside online interest.
 *
 * The chart library loads only when the screen opens. The figures come as the
 * endpoint computed them: "<5" stays "< 5".
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Cell, FootfallComparison, InsightEvent, InsightsReport } from '../../sdk/contract/insights.js';
import { insightStrings, type InsightStrings } from './strings.js';

/** What the screen needs of the dashboard's API client (same origin, session cookie). */
export interface InsightsApi {
  call<T>(method: string, path: string): Promise<T>;
}

const KEY_FIGURES: readonly InsightEvent[] = ['view', 'model-open', 'ar-start', 'finder-search', 'route-open', 'reserved', 'collected', 'expired'];
const CHARTED: readonly { event: InsightEvent; color: string; right?: boolean }[] = [
  { event: 'view', color: '#0b5cad' },
  { event: 'store-select', color: '#8a4b00', right: true },
  { event: 'reserved', color: '#6b3fa0', right: true },
  { event: 'collected', color: '#1e6b34', right: true },
];

type Status = 'loading' | 'ready' | 'failed';

export class DashboardInsights extends LitElement {
  static override styles = css`
    :host { display: block; }
    * { box-sizing: border-box; }
    h2, h3 { line-height: 1.25; overflow-wrap: anywhere; }
    p { overflow-wrap: anywhere; }
    .demo { display: inline-block; padding: 0.25rem 0.625rem; border-radius: 999px; background: #fff4d6; border: 1px solid #8a4b00; color: #5c3200; font-size: 0.875rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.75rem 0 1rem; }
    label { display: grid; gap: 0.25rem; font-weight: 600; }
    select, button, .button { min-height: 44px; font: inherit; border-radius: 8px; border: 1px solid #6b6b70; background: #fff; color: inherit; padding: 0.5rem 0.875rem; }
    .button { display: inline-flex; align-items: center; text-decoration: none; }
    button[aria-pressed='true'] { background: #0b5cad; border-color: #0b5cad; color: #fff; }
    button:focus-visible, select:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.5rem; margin: 0 0 1.25rem; padding: 0; }
    .figures div { border: 1px solid #c9c9ce; border-radius: 8px; padding: 0.5rem 0.75rem; }
    .figures dt { font-size: 0.875rem; color: #4a4a4f; overflow-wrap: anywhere; }
    .figures dd { margin: 0; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    section { margin: 0 0 1.5rem; }
    .chart { width: 100%; min-height: 240px; margin: 0 0 0.5rem; overflow: hidden; }
    .scroll { overflow-x: auto; }
    .scroll:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { text-align: right; padding: 0.375rem 0.5rem; border-bottom: 1px solid #e3e3e8; }
    th:first-child, td:first-child { text-align: left; overflow-wrap: break-word; min-width: 8rem; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; font-weight: 600; }
    ol.funnel { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    ol.funnel li { display: grid; gap: 0.125rem; }
    ol.funnel .what { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1rem; }
    meter { width: 100%; height: 0.875rem; }
    .links { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    [role='alert'] { color: #a1261b; }
  `;

  @property({ attribute: false }) api?: InsightsApi;
  /** The shop's id; without it, the town's figures (the operator's screen). */
  @property() store?: string;
  @property() override lang: 'de' | 'en' = 'de';

  @state() private days = 28;
  @state() private by: 'day' | 'week' = 'day';
  @state() private status: Status = 'loading';
  @state() private report?: InsightsReport;
  @state() private footfall?: FootfallComparison;

  private removeCharts: (() => void)[] = [];
  private seq = 0;

  private get t(): InsightStrings {
    return insightStrings[this.lang];
  }

  private get range(): { from: string; to: string } {
    const to = new Date();
    const from = new Date(to.getTime() - (this.days - 1) * 86_400_000);
    return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
  }

  private get query(): string {
    const { from, to } = this.range;
    return `from=${from}&to=${to}&by=${this.by}`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') || changed.has('store') || changed.has('days') || changed.has('by')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearCharts();
  }

  private async load(): Promise<void> {
    if (!this.api) return;
    const seq = ++this.seq;
    this.status = 'loading';
    try {
      const report = await this.api.call<InsightsReport>('GET', this.store ? `/v1/stores/${encodeURIComponent(this.store)}/insights?${this.query}` : `/v1/insights?${this.query}`);
      const footfall = this.store ? undefined : await this.api.call<FootfallComparison>('GET', `/v1/insights/footfall?${this.query}`);
      if (seq !== this.seq) return;
      this.report = report;
      this.footfall = footfall;
      this.status = 'ready';
    } catch {
      if (seq === this.seq) this.status = 'failed';
    }
  }

  protected override async updated(): Promise<void> {
    if (this.status !== 'ready' || !this.report) return;
    const report = this.report;
    const { drawChart, uPlotCss } = await import('./chart.js');
    if (report !== this.report) return;
    this.adoptChartStyles(uPlotCss);
    this.clearCharts();
    const over = this.renderRoot.querySelector<HTMLElement>('.chart.over-time');
    if (over) {
      this.removeCharts.push(
        drawChart(over, {
          lang: this.lang,
          x: report.series.map((s) => Date.parse(`${s.period}T12:00:00Z`) / 1000),
          series: CHARTED.map(({ event, color, right }) => ({ label: this.t.events[event], color, right, values: report.series.map((s) => numeric(s.counts[event])) })),
        }),
      );
    }
    const hours = this.renderRoot.querySelector<HTMLElement>('.chart.footfall');
    if (hours && this.footfall) {
      const cells = this.footfall.cells;
      this.removeCharts.push(
        drawChart(hours, {
          lang: this.lang,
          x: cells.map((c) => (c.weekday - 1) * 24 + c.hour),
          xLabel: (x) => `${this.t.weekday[Math.floor(x / 24)] ?? ''} ${Math.round(x % 24)}`,
          series: [
            { label: this.t.passersBy, color: '#1e6b34', values: cells.map((c) => c.footfall) },
            { label: this.t.online, color: '#0b5cad', right: true, values: cells.map((c) => numeric(c.online)) },
          ],
        }),
      );
    }
  }

  private adoptChartStyles(text: string): void {
    const root = this.renderRoot as ShadowRoot;
    if (root.adoptedStyleSheets.some((s) => (s as CSSStyleSheet & { citylabChart?: boolean }).citylabChart)) return;
    const sheet = new CSSStyleSheet() as CSSStyleSheet & { citylabChart?: boolean };
    sheet.replaceSync(text);
    sheet.citylabChart = true;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  private clearCharts(): void {
    for (const remove of this.removeCharts.splice(0)) remove();
  }

  private fmt(value: Cell): string {
    return value === '<5' ? this.t.small : new Intl.NumberFormat(this.lang === 'de' ? 'de-DE' : 'en-GB').format(value);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`
      <h2>${this.store ? t.title : t.townTitle}</h2>
      <p>${this.store ? t.intro : t.townIntro}</p>
      ${this.report?.demo ? html`<p><span class="demo">${t.demo}</span></p>` : nothing}
      <div class="controls">
        <label>${t.period}
          <select @change=${(e: Event) => (this.days = Number((e.target as HTMLSelectElement).value))}>
            <option value="28" ?selected=${this.days === 28}>${t.last4}</option>
            <option value="56" ?selected=${this.days === 56}>${t.last8}</option>
          </select>
        </label>
        <div role="group" aria-label=${t.period}>
          <button type="button" aria-pressed=${String(this.by === 'day')} @click=${() => (this.by = 'day')}>${t.byDay}</button>
          <button type="button" aria-pressed=${String(this.by === 'week')} @click=${() => (this.by = 'week')}>${t.byWeek}</button>
        </div>
      </div>
      ${this.status === 'failed'
        ? html`<p role="alert">${t.failed} <button type="button" @click=${() => void this.load()}>${t.retry}</button></p>`
        : this.status === 'loading' && !this.report
          ? html`<p role="status">${t.loading}</p>`
          : this.report ? this.renderReport(this.report) : nothing}
    `;
  }

  private renderReport(r: InsightsReport): TemplateResult {
    const t = this.t;
    const views = numeric(r.totals.view) ?? 0;
    const csv = this.store ? `/v1/stores/${encodeURIComponent(this.store)}/insights.csv?${this.query}` : `/v1/open-data/insights.csv?${this.query}`;
    return html`
      <section aria-labelledby="key">
        <h3 id="key">${t.keyFigures}</h3>
        <dl class="figures">
          ${KEY_FIGURES.map((e) => html`<div><dt>${t.events[e]}</dt><dd data-event=${e}>${this.fmt(r.totals[e])}</dd></div>`)}
        </dl>
      </section>
      <section aria-labelledby="over">
        <h3 id="over">${t.chartTitle}</h3>
        <figure role="img" aria-label=${t.chartLabel(r.from, r.to)} class="chart over-time"></figure>
        <details>
          <summary>${t.table}</summary>
          <div class="scroll" tabindex="0" role="region" aria-label=${`${t.table}: ${t.chartTitle}`}>
            <table>
              <thead><tr><th scope="col">${t.periodColumn}</th>${CHARTED.map(({ event }) => html`<th scope="col">${t.events[event]}</th>`)}</tr></thead>
              <tbody>${r.series.map((s) => html`<tr><th scope="row">${s.period}</th>${CHARTED.map(({ event }) => html`<td>${this.fmt(s.counts[event])}</td>`)}</tr>`)}</tbody>
            </table>
          </div>
        </details>
        <p class="links"><a class="button" href=${csv} download>${t.csv}</a></p>
      </section>
      <section aria-labelledby="funnel">
        <h3 id="funnel">${t.funnel}</h3>
        <p>${t.funnelNote}</p>
        <ol class="funnel">
          ${r.funnel.map(({ event, count }) => {
            const n = numeric(count);
            const share = views > 0 && n !== null ? new Intl.NumberFormat(this.lang, { style: 'percent', maximumFractionDigits: 1 }).format(n / views) : '';
            return html`<li><span class="what"><span>${t.events[event]}</span><span><strong>${this.fmt(count)}</strong>${share ? html`<span>&nbsp;· ${t.ofViews(share)}</span>` : nothing}</span></span>
              <meter min="0" max=${Math.max(1, views)} value=${n ?? 0} aria-hidden="true"></meter></li>`;
          })}
        </ol>
      </section>
      ${r.top_products.length
        ? html`<section aria-labelledby="top">
            <h3 id="top">${t.top}</h3>
            <div class="scroll" tabindex="0" role="region" aria-label=${`${t.table}: ${t.top}`}><table>
              <thead><tr><th scope="col">${t.product}</th><th scope="col">${t.events.view}</th><th scope="col">${t.events['store-select']}</th><th scope="col">${t.events.reserved}</th><th scope="col">${t.events.collected}</th></tr></thead>
              <tbody>${r.top_products.map((p) => html`<tr data-gtin=${p.gtin}><th scope="row">${p.name}</th><td>${this.fmt(p.counts.view)}</td><td>${this.fmt(p.counts['store-select'])}</td><td>${this.fmt(p.counts.reserved)}</td><td>${this.fmt(p.counts.collected)}</td></tr>`)}</tbody>
            </table></div>
          </section>`
        : html`<p>${t.noData}</p>`}
      ${this.store ? nothing : this.renderTown(r)}
    `;
  }

  private renderTown(r: InsightsReport): TemplateResult {
    const t = this.t;
    return html`
      ${r.stores?.length
        ? html`<section aria-labelledby="shops">
            <h3 id="shops">${t.shops}</h3>
            <p>${t.shopsNote}</p>
            <div class="scroll" tabindex="0" role="region" aria-label=${`${t.table}: ${t.shops}`}><table>
              <thead><tr><th scope="col"></th>${KEY_FIGURES.map((e) => html`<th scope="col">${t.events[e]}</th>`)}</tr></thead>
              <tbody>${r.stores.map((s) => html`<tr><th scope="row">${s.name}</th>${KEY_FIGURES.map((e) => html`<td>${this.fmt(s.totals[e])}</td>`)}</tr>`)}</tbody>
            </table></div>
          </section>`
        : nothing}
      ${this.footfall?.cells.length
        ? html`<section aria-labelledby="footfall">
            <h3 id="footfall">${t.footfall}</h3>
            <p>${t.footfallNote}</p>
            <figure role="img" aria-label=${`${t.footfall}: ${this.footfall.points.join(', ')}`} class="chart footfall"></figure>
            <details>
              <summary>${t.table}</summary>
              <div class="scroll" tabindex="0" role="region" aria-label=${`${t.table}: ${t.footfall}`}><table>
                <thead><tr><th scope="col">${t.hour}</th><th scope="col">${t.passersBy}</th><th scope="col">${t.online}</th></tr></thead>
                <tbody>${this.footfall.cells.map((c) => html`<tr><th scope="row">${t.weekday[c.weekday - 1]} ${c.hour}:00</th><td>${this.fmt(c.footfall)}</td><td>${this.fmt(c.online)}</td></tr>`)}</tbody>
              </table></div>
            </details>
          </section>`
        : nothing}
      <p class="links">
        <a class="button" href="/v1/open-data/insights.json">${t.openData}</a>
        <a class="button" href="/v1/privacy/insights">${t.privacy}</a>
      </p>
    `;
  }
}

/** A figure as a number for a chart; "<5" is drawn as a gap. */
const numeric = (value: Cell): number | null => (value === '<5' ? null : value);

if (!customElements.get('dashboard-insights')) customElements.define('dashboard-insights', DashboardInsights);
