/**
 * The stock screen's feed section: the address of the shop's stock list that
 * the endpoint fetches on a schedule, how often and from when, and the last
 * run in words (applied with counts, unchanged, or failed with why or the
 * problems by line). An address the endpoint refuses is named, and what was
 * typed stays in the field.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StockFeed, StockFeedRun } from '../sdk/contract/schemas/stock-feed.js';
import { ApiProblem, type DashboardApi } from './api.js';
import { feedStrings } from './stock-feed-strings.js';
import type { Lang, Strings } from './strings.js';
import { base } from './styles.js';

const EVERY = [24, 12, 8, 6, 4, 2, 1] as const;
/** How often, and how long, "Jetzt abrufen" asks for the result. */
const POLL_MS = 1000;
const FETCH_WAIT_MS = 3 * 60_000;

export class DashboardStockFeed extends LitElement {
  static override styles = [
    base,
    css`
      .grid { display: grid; gap: 0.75rem; grid-template-columns: 1fr; }
      @media (min-width: 600px) { .grid { grid-template-columns: 1fr 1fr; } }
      select, input[type='time'] { min-height: 44px; font: inherit; border-radius: 8px; border: 1px solid #6b6b70; padding: 0 0.5rem; background: #fff; width: 100%; }
      table { width: 100%; border-collapse: collapse; }
      th, td { text-align: left; padding: 0.5rem 0.375rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
      /* Line and column stay whole on a phone; the reason wraps. */
      th:nth-child(-n + 2), td:nth-child(-n + 2) { white-space: nowrap; }
      td:last-child { overflow-wrap: anywhere; }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: Strings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';
  @property({ attribute: 'store-id' }) storeId = '';

  @state() private feed: StockFeed | null | undefined;
  @state() private draft = { url: '', every_hours: 24, at: '06:00' };
  @state() private message: { text: string; reason?: string | undefined; bad: boolean } | undefined;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get path() {
    return `/v1/stores/${encodeURIComponent(this.storeId)}/inventory/feed`;
  }

  private async load() {
    try {
      this.show((await this.api.call<{ feed: StockFeed | null }>('GET', this.path)).feed);
    } catch {
      this.message = { text: this.t.error, bad: true };
    }
  }

  private show(feed: StockFeed | null) {
    this.feed = feed;
    if (feed) this.draft = { url: feed.url, every_hours: feed.every_hours, at: feed.at };
    // The stock screen counts a confirmed feed as an update of the stock.
    this.dispatchEvent(new CustomEvent('feed-state', { detail: { lastSuccessAt: feed?.last_success_at }, bubbles: true, composed: true }));
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const s = feedStrings[this.uiLang];
    this.busy = true;
    try {
      this.show(await this.api.call<StockFeed>('PUT', this.path, { json: { ...this.draft, url: this.draft.url.trim() } }));
      this.message = { text: s.saved, bad: false };
    } catch (err) {
      const p = err instanceof ApiProblem ? err.problem : undefined;
      const url = p?.errors?.find((x) => x.path === 'url');
      // The owner's language first; the endpoint's own reason (English) beside it.
      this.message = p?.code === 'offline' ? { text: this.t.offline, bad: true }
        : url ? { text: `${s.notSaved} ${s.urlRefused}`, reason: url.reason, bad: true }
        : { text: `${s.notSaved} ${p?.detail ?? this.t.error}`, bad: true };
    } finally {
      this.busy = false;
    }
  }

  private async stop() {
    const s = feedStrings[this.uiLang];
    try {
      await this.api.call('DELETE', this.path);
      this.show(null);
      this.draft = { url: '', every_hours: 24, at: '06:00' };
      this.message = { text: s.removed, bad: false };
    } catch (err) {
      const p = err instanceof ApiProblem ? err.problem : undefined;
      this.message = { text: p?.code === 'offline' ? this.t.offline : p?.detail ?? this.t.error, bad: true };
    }
  }

  /** "Jetzt abrufen": the endpoint fetches at once; the screen asks for the result until the run is recorded. */
  private async fetchNow() {
    const s = feedStrings[this.uiLang];
    const before = this.feed?.last_run?.at;
    this.busy = true;
    this.message = { text: s.fetching, bad: false };
    try {
      await this.api.call('POST', `${this.path}/run`);
      // The fetch itself may take up to 30 s (a slow shop server), and a round may be busy with other shops' feeds.
      for (const started = Date.now(); Date.now() - started < FETCH_WAIT_MS && this.isConnected; ) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const { feed } = await this.api.call<{ feed: StockFeed | null }>('GET', this.path);
        if (!feed || feed.last_run?.at !== before) {
          this.show(feed);
          this.message = feed ? { text: s.fetched, bad: !!feed.last_run && feed.last_run.outcome === 'failed' } : undefined;
          return;
        }
      }
      this.message = { text: s.fetchSlow, bad: false };
    } catch (err) {
      const p = err instanceof ApiProblem ? err.problem : undefined;
      this.message = { text: p?.code === 'offline' ? this.t.offline : p?.detail ?? this.t.error, bad: true };
    } finally {
      this.busy = false;
    }
  }

  private when(iso: string) {
    return new Intl.DateTimeFormat(this.uiLang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  override render() {
    const s = feedStrings[this.uiLang];
    const d = this.draft;
    return html`
      <h2 id="feed-h">${s.heading}</h2>
      <p class="muted">${s.intro}</p>
      ${this.feed === undefined ? html`<p class="muted">${this.t.loading}</p>` : this.status(this.feed)}
      <form class="stack" @submit=${this.save} novalidate>
        <div>
          <label for="feed-url">${s.url}</label>
          <input id="feed-url" name="url" type="url" inputmode="url" autocomplete="url" aria-describedby="feed-url-hint" .value=${d.url}
            @input=${(e: Event) => (this.draft = { ...this.draft, url: (e.target as HTMLInputElement).value })} />
          <p class="muted" id="feed-url-hint">${s.urlHint}</p>
        </div>
        <div class="grid">
          <div>
            <label for="feed-every">${s.every}</label>
            <select id="feed-every" @change=${(e: Event) => (this.draft = { ...this.draft, every_hours: Number((e.target as HTMLSelectElement).value) })}>
              ${EVERY.map((h) => html`<option value=${h} ?selected=${h === d.every_hours}>${s.everyOption(h)}</option>`)}
            </select>
          </div>
          <div>
            <label for="feed-at">${s.at}</label>
            <input id="feed-at" type="time" .value=${d.at} @change=${(e: Event) => (this.draft = { ...this.draft, at: (e.target as HTMLInputElement).value || '06:00' })} />
          </div>
        </div>
        <div aria-live="polite">
          ${this.message ? html`<p class="notice ${this.message.bad ? 'bad' : 'ok'} feed-message" role=${this.message.bad ? 'alert' : 'status'}>${this.message.text}${this.message.reason && this.uiLang !== 'en' ? html`${' '}<span class="muted" lang="en">(${this.message.reason})</span>` : this.message.reason ? ` (${this.message.reason})` : nothing}</p>` : nothing}
        </div>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>${s.save}</button>
          ${this.feed ? html`<button type="button" class="fetch-now" @click=${this.fetchNow} ?disabled=${this.busy}>${s.fetchNow}</button>` : nothing}
          ${this.feed ? html`<button type="button" @click=${this.stop}>${s.remove}</button>` : nothing}
        </div>
      </form>
    `;
  }

  private status(feed: StockFeed | null) {
    const s = feedStrings[this.uiLang];
    if (!feed) return html`<p class="muted">${s.none}</p>`;
    return html`
      <div class="card stack feed-status">
        <p>${s.schedule(feed.every_hours, feed.at)} ${s.next(this.when(feed.next_run_at))}</p>
        ${feed.last_run ? this.run(feed.last_run) : html`<p class="muted">${s.waiting}</p>`}
      </div>
    `;
  }

  private run(run: StockFeedRun) {
    const s = feedStrings[this.uiLang];
    const t = this.t.stock;
    const head = html`<strong>${s.lastRun(this.when(run.at))}</strong>`;
    switch (run.outcome) {
      case 'applied':
        return html`<p class="notice ok feed-run">${head}<br />${s.applied({ updated: run.updated ?? 0, created: run.created ?? 0, removed: run.removed ?? 0 })}</p>`;
      case 'unchanged':
        return html`<p class="notice ok feed-run">${head}<br />${s.unchanged}</p>`;
      case 'failed':
        return html`
          <div class="notice bad stack feed-run">
            <p>${head}<br />${s.failed} ${run.fetch_failure ? s.fetchFailure(run.fetch_failure, run.http_status) : s.problems(run.errors?.length || 1)}</p>
            ${run.errors?.length ? html`
              <table>
                <thead><tr><th scope="col">${t.line}</th><th scope="col">${t.field}</th><th scope="col">${t.reason}</th></tr></thead>
                <tbody>${run.errors.map((e) => html`<tr class="feed-problem"><td>${e.line ?? '–'}</td><td>${e.field ?? e.path ?? ''}</td><td>${this.reason(e)}</td></tr>`)}</tbody>
              </table>` : nothing}
            <p class="muted">${s.mailed}</p>
          </div>`;
    }
  }

  /** The endpoint words its reasons in English; the column's own hint comes first in the owner's language. */
  private reason(e: { field?: string | undefined; reason: string }) {
    const hint = e.field ? this.t.stock.fieldHints[e.field] : undefined;
    return hint && this.uiLang !== 'en' ? html`${hint} <span class="muted" lang="en">(${e.reason})</span>` : e.reason;
  }
}
