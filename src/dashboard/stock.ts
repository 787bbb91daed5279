/**
 * The stock screen: upload the till's export by drag and drop (or the file
 * picker), see every problem by line or a preview in words before anything
 * changes, apply; search the articles, change one quantity inline after a
 * sale; download the stock; see when it was last updated and a warning when
 * that is longer ago than the shop promises.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { InventoryResult } from '../sdk/contract/schemas/products.js';
import type { Store } from '../sdk/contract/schemas/stores.js';
import { STOCK_PROMISE_HOURS, stockIsStale } from '../sdk/contract/stock.js';
import { ApiProblem, type DashboardApi } from './api.js';
import { stockCsv, type StockItem } from './stock-csv.js';
import type { Lang, Strings } from './strings.js';
import { base } from './styles.js';

/** Rows shown at once; the search narrows them down. */
const SHOWN = 100;

interface Upload {
  text: string;
  type: string;
  name: string;
}

type Check =
  | { kind: 'checking' }
  | { kind: 'problems'; detail: string; errors: { line?: number; field?: string; path?: string; reason: string }[] }
  | { kind: 'preview'; result: InventoryResult }
  | { kind: 'applied'; result: InventoryResult }
  | { kind: 'failed'; text: string };

export class DashboardStock extends LitElement {
  static override styles = [
    base,
    css`
      .drop {
        display: grid; gap: 0.5rem; justify-items: center; text-align: center;
        padding: 1.25rem 1rem; border: 2px dashed #6b6b70; border-radius: 12px; background: var(--soft); cursor: pointer; font-weight: 400;
      }
      .drop.over { border-color: var(--accent); background: #e8f0fa; }
      .drop input { position: absolute; opacity: 0; width: 1px; height: 1px; }
      .drop strong { font-size: 1.1rem; }
      table { width: 100%; border-collapse: collapse; }
      th, td { text-align: left; padding: 0.5rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
      th { font-weight: 600; }
      .articles { display: grid; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
      .article { display: grid; gap: 0.5rem; grid-template-columns: 1fr; align-items: center; }
      /* Name beside the quantity form on a tablet; the row's notice below them (8rem squeezed "Speichern" letter by letter). */
      @media (min-width: 600px) { .article { grid-template-columns: minmax(0, 1fr) auto; } .article > [aria-live] { grid-column: 1 / -1; } }
      .article form { display: flex; gap: 0.5rem; align-items: center; }
      .article form button { white-space: nowrap; }
      /* Wide enough for its placeholder ("ohne Zählung" was cut off at 6rem); narrower only where the row has no room. */
      .article input[type='number'] { width: 9.5rem; min-width: 5rem; flex: 0 1 auto; }
      section + section { margin-top: 1.5rem; }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: Strings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';
  @property({ attribute: "store-id" }) storeId = '';
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private items: StockItem[] | undefined;
  /** When the shop's feed last applied or confirmed the stock (it counts as an update). */
  @state() private feedConfirmedAt: string | undefined;
  /** The shop's own promise (its profile), once read. */
  @state() private promiseHours: number | undefined;
  @state() private loadError = '';
  @state() private query = '';
  @state() private over = false;
  @state() private upload: Upload | undefined;
  @state() private check: Check | undefined;
  @state() private rowNotice = new Map<string, { text: string; bad: boolean }>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get base() {
    return `/v1/stores/${encodeURIComponent(this.storeId)}/inventory`;
  }

  private async load() {
    try {
      const [stock, store] = await Promise.all([
        this.api.call<{ items: StockItem[] }>('GET', this.base),
        this.api.call<Store>('GET', `/v1/stores/${encodeURIComponent(this.storeId)}`),
      ]);
      this.items = stock.items;
      this.promiseHours = store.stock_promise_hours ?? STOCK_PROMISE_HOURS;
      this.loadError = '';
    } catch (err) {
      this.loadError = err instanceof ApiProblem && err.problem.code === 'offline' ? this.t.offline : this.t.error;
    }
  }

  private async take(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    const type = /\.tsv$/i.test(file.name) || file.type === 'text/tab-separated-values' ? 'text/tab-separated-values' : 'text/csv';
    this.upload = { text, type, name: file.name };
    await this.send(true);
  }

  private async send(dryRun: boolean) {
    const upload = this.upload;
    if (!upload) return;
    this.check = { kind: 'checking' };
    try {
      const result = await this.api.call<InventoryResult>('PUT', `${this.base}${dryRun ? '?dry_run=1' : ''}`, { text: upload.text, type: upload.type });
      this.check = { kind: dryRun ? 'preview' : 'applied', result };
      if (!dryRun) {
        this.upload = undefined;
        await this.load();
      }
    } catch (err) {
      const p = err instanceof ApiProblem ? err.problem : undefined;
      if (p?.code === 'invalid-feed' || p?.code === 'validation-failed') {
        this.check = { kind: 'problems', detail: p.detail ?? '', errors: p.errors ?? [] };
      } else {
        this.check = { kind: 'failed', text: p?.code === 'offline' ? this.t.offline : p?.detail ?? this.t.error };
      }
    }
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.over = false;
    void this.take(e.dataTransfer?.files[0]);
  }

  private async saveQuantity(e: SubmitEvent, item: StockItem) {
    e.preventDefault();
    const raw = (new FormData(e.target as HTMLFormElement).get('quantity') as string).trim();
    const notices = new Map(this.rowNotice);
    try {
      // One article merged by its number: the rest of the list stays as it is.
      const { held: _held, updated_at: _at, product_name: _name, ...rest } = item;
      await this.api.call('PATCH', this.base, { json: { items: [{ ...rest, quantity: raw === '' ? Number.NaN : Number(raw) }] } });
      notices.set(item.sku, { text: this.t.stock.saved, bad: false });
      await this.load();
    } catch (err) {
      const p = err instanceof ApiProblem ? err.problem : undefined;
      notices.set(item.sku, { text: p?.errors?.[0]?.reason ?? p?.detail ?? this.t.error, bad: true });
    }
    this.rowNotice = notices;
  }

  private download() {
    const blob = new Blob([stockCsv(this.storeId, this.items ?? [])], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `bestand-${this.storeId}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  override render() {
    const t = this.t.stock;
    return html`
      <h1>${t.heading}</h1>
      ${this.freshness()}
      <section aria-labelledby="up-h" class="stack">
        <h2 id="up-h">${t.uploadHeading}</h2>
        <label
          class="drop ${this.over ? 'over' : ''}"
          @dragover=${(e: DragEvent) => { e.preventDefault(); this.over = true; }}
          @dragleave=${() => (this.over = false)}
          @drop=${this.onDrop}
        >
          <strong>${t.drop}</strong>
          <span class="button">${t.choose}</span>
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" @change=${(e: Event) => this.take((e.target as HTMLInputElement).files?.[0])} />
        </label>
        <p class="muted">${t.fileHint}</p>
        <div aria-live="polite">${this.renderCheck()}</div>
      </section>
      <section aria-labelledby="feed-h" class="stack">
        <dashboard-stock-feed .api=${this.api} .t=${this.t} ui-lang=${this.uiLang} store-id=${this.storeId}
          @feed-state=${(e: CustomEvent<{ lastSuccessAt?: string }>) => (this.feedConfirmedAt = e.detail.lastSuccessAt)}></dashboard-stock-feed>
      </section>
      <section aria-labelledby="list-h" class="stack">
        <h2 id="list-h">${t.listHeading}</h2>
        ${this.renderList()}
      </section>
    `;
  }

  private freshness() {
    const t = this.t.stock;
    if (!this.items?.length) return nothing;
    const newest = this.items.reduce((m, i) => (i.updated_at > m ? i.updated_at : m), this.feedConfirmedAt ?? '');
    const when = new Intl.DateTimeFormat(this.uiLang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(newest));
    const hours = this.promiseHours ?? STOCK_PROMISE_HOURS;
    return html`
      <p class="muted">${t.lastUpdate(when)}</p>
      ${stockIsStale(newest, hours, this.now()) ? html`<p class="notice warn stale" role="status">${t.stale(hours)}</p>` : nothing}
    `;
  }

  private renderCheck() {
    const t = this.t.stock;
    const c = this.check;
    if (!c) return nothing;
    switch (c.kind) {
      case 'checking':
        return html`<p>${t.checking}</p>`;
      case 'failed':
        return html`<p class="notice bad" role="alert">${c.text}</p>`;
      case 'problems':
        return html`
          <div class="notice bad stack" role="alert">
            <p><strong>${t.problems(c.errors.length || 1)}</strong> ${t.fixAndRetry}</p>
            ${c.errors.length ? html`
              <table>
                <thead><tr><th scope="col">${t.line}</th><th scope="col">${t.field}</th><th scope="col">${t.reason}</th></tr></thead>
                <tbody>${c.errors.map((e) => html`<tr class="problem"><td>${e.line ?? '–'}</td><td>${e.field ?? e.path ?? ''}</td><td>${this.reason(e)}</td></tr>`)}</tbody>
              </table>` : html`<p>${c.detail}</p>`}
          </div>`;
      case 'preview':
        return html`
          <div class="notice stack">
            <p class="preview">${t.preview(c.result)}</p>
            <div class="row">
              <button class="primary" @click=${() => this.send(false)}>${t.apply}</button>
              <button @click=${() => { this.check = undefined; this.upload = undefined; }}>${t.discard}</button>
            </div>
          </div>`;
      case 'applied':
        return html`<p class="notice ok applied" role="status">${t.applied(c.result)}</p>`;
    }
  }

  /** The endpoint words its reasons in English; the column's own hint comes first in the owner's language. */
  private reason(e: { field?: string; reason: string }) {
    const hint = e.field ? this.t.stock.fieldHints[e.field] : undefined;
    return hint && this.uiLang !== 'en' ? html`${hint} <span class="muted" lang="en">(${e.reason})</span>` : e.reason;
  }

  private renderList() {
    const t = this.t.stock;
    if (this.loadError) return html`<p class="notice bad" role="alert">${this.loadError}</p>`;
    if (!this.items) return html`<p class="muted">${this.t.loading}</p>`;
    if (!this.items.length) return html`<p class="muted">${t.noStock}</p>`;
    const q = this.query.trim().toLowerCase();
    const matches = q ? this.items.filter((i) => [i.sku, i.gtin, i.title ?? '', i.product_name ?? ''].some((v) => v.toLowerCase().includes(q))) : this.items;
    return html`
      <div class="row">
        <button @click=${this.download}>${t.download}</button>
      </div>
      <div>
        <label for="search">${t.search}</label>
        <input id="search" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      </div>
      <p class="muted" role="status">${t.shown(Math.min(matches.length, SHOWN), this.items.length)}</p>
      <ul class="articles">
        ${matches.slice(0, SHOWN).map((i) => {
          const notice = this.rowNotice.get(i.sku);
          return html`
            <li class="card article" data-sku=${i.sku}>
              <div>
                <strong class="name">${i.title ?? i.product_name ?? i.sku}</strong><br />
                <span class="muted">${t.sku} ${i.sku} · ${t.gtin} ${i.gtin}</span>
                ${i.held ? html`<br /><span>${t.held(i.held)}</span>` : nothing}
              </div>
              <form @submit=${(e: SubmitEvent) => this.saveQuantity(e, i)}>
                <label class="visually-hidden" for="q-${i.sku}">${t.quantity} ${i.title ?? i.product_name ?? ''} ${i.sku}</label>
                <input id="q-${i.sku}" name="quantity" type="number" inputmode="numeric" min="0" step="1" .value=${i.quantity === undefined ? '' : String(i.quantity)} placeholder=${t.noCount} />
                <button type="submit">${t.save}</button>
              </form>
              <div aria-live="polite">${notice ? html`<span class=${notice.bad ? 'notice bad' : 'muted'}>${notice.text}</span>` : nothing}</div>
            </li>`;
        })}
      </ul>
    `;
  }
}
