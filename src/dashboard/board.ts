/**
 * The start page: today's work first. New (held), ready, due today and expired
 * reservations, each with its pickup code, article, quantity, customer and
 * pickup window; kept live by the endpoint's event stream (a new one appears
 * within about a second, highlighted, announced, and with a sound if wanted).
 * Find one by the pickup code typed or scanned; mark it ready, collected, or
 * cancel it with a reason; a change that is no longer possible says why.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Reservation, ReservationList } from '../sdk/contract/schemas/reservations.js';
import { ApiProblem, type DashboardApi } from './api.js';
import { codeIn, normaliseCode } from './pickup-code.js';
import type { Lang, Strings } from './strings.js';
import { base } from './styles.js';

type Section = 'new' | 'ready' | 'dueToday' | 'expired';
type Change = 'ready' | 'collected' | 'cancelled';

/** Expired reservations stay on the board this long: the shopper may still come by and ask. */
const EXPIRED_SHOWN_MS = 48 * 3_600_000;

export class DashboardBoard extends LitElement {
  static override styles = [
    base,
    css`
      .tools { display: grid; gap: 0.75rem; grid-template-columns: 1fr; margin-bottom: 1rem; }
      @media (min-width: 700px) { .tools { grid-template-columns: 1fr auto; align-items: end; } }
      .find { display: flex; gap: 0.5rem; flex-wrap: wrap; }
      .find input { flex: 1 1 10rem; font-family: ui-monospace, monospace; text-transform: uppercase; letter-spacing: 0.08em; }
      .sections { display: grid; gap: 1.25rem; grid-template-columns: 1fr; }
      @media (min-width: 700px) { .sections { grid-template-columns: 1fr 1fr; } }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
      .code { font: 700 1.5rem/1.2 ui-monospace, monospace; letter-spacing: 0.08em; }
      .status { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; border: 1px solid currentColor; font-size: 0.9rem; font-weight: 600; }
      .status.held { color: var(--accent); }
      .status.ready { color: var(--ok); }
      .status.expired { color: #55555a; border-style: dashed; }
      .badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 4px; background: #f0b400; color: #1d1d1f; font-weight: 700; font-size: 0.9rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; margin: 0.5rem 0; }
      dt { color: #55555a; }
      dd { margin: 0; overflow-wrap: anywhere; }
      .card.focus { border: 3px solid var(--accent); }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
      .actions button { flex: 1 1 8rem; }
      video { width: 100%; max-width: 24rem; border-radius: 8px; background: #000; }
      .live { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 0.75rem; }
      .live label { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; min-height: 44px; margin: 0; }
      .live input { width: 1.25rem; height: 1.25rem; }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: Strings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';
  @property({ attribute: "store-id" }) storeId = '';
  /** The reservation to show first (from the shop's mail: `#r=<id>`). */
  @property({ attribute: "focus-id" }) focusId = '';
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private items: Reservation[] | undefined;
  @state() private connected = false;
  @state() private fresh = new Set<string>();
  @state() private notices = new Map<string, { text: string; bad: boolean }>();
  @state() private cancelling = '';
  @state() private busy = '';
  @state() private findMessage = '';
  @state() private announcement = '';
  @state() private scanning = false;
  @state() private sound = false;

  private source: EventSource | undefined;
  private stopScan: (() => void) | undefined;
  private audio: AudioContext | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.source?.close();
    this.source = undefined;
    this.stopScan?.();
  }

  private listen() {
    const source = new EventSource(`/v1/stores/${encodeURIComponent(this.storeId)}/reservations/events`);
    this.source = source;
    source.addEventListener('open', () => (this.connected = true));
    source.addEventListener('error', () => (this.connected = false));
    source.addEventListener('reservations', (e) => {
      this.connected = true;
      const list = JSON.parse((e as MessageEvent<string>).data) as ReservationList;
      const known = this.items ? new Set(this.items.map((r) => r.id)) : undefined;
      const arrived = known ? list.items.filter((r) => !known.has(r.id) && r.status === 'held') : [];
      this.items = list.items;
      if (arrived.length) {
        this.fresh = new Set([...this.fresh, ...arrived.map((r) => r.id)]);
        this.announcement = arrived.map((r) => this.t.board.announceNew(r.code)).join('. ');
        if (this.sound) this.beep();
        this.dispatchEvent(new CustomEvent('dashboard-new-reservations', { detail: arrived.length, bubbles: true, composed: true }));
      }
    });
  }

  /** Two short tones, made here: no sound file to load, nothing played until the owner turned it on. */
  private beep() {
    try {
      this.audio ??= new AudioContext();
      const ctx = this.audio;
      for (const [i, freq] of [880, 1320].entries()) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.value = 0.15;
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + i * 0.18);
        osc.stop(ctx.currentTime + i * 0.18 + 0.14);
      }
    } catch {
      // No audio on this device: the visible cue remains.
    }
  }

  private sections(): Record<Section, Reservation[]> {
    const out: Record<Section, Reservation[]> = { new: [], ready: [], dueToday: [], expired: [] };
    const now = this.now();
    for (const r of this.items ?? []) {
      if (r.status === 'expired') {
        if (now.getTime() - Date.parse(r.expires_at) < EXPIRED_SHOWN_MS) out.expired.push(r);
      } else if (sameDay(r.expires_at, now, r.store.time_zone)) out.dueToday.push(r);
      else if (r.status === 'held') out.new.push(r);
      else if (r.status === 'ready') out.ready.push(r);
    }
    // Oldest first in the work lists: the one waiting longest is done first.
    for (const key of ['new', 'ready', 'dueToday'] as const) out[key].sort((a, b) => a.created_at.localeCompare(b.created_at));
    return out;
  }

  /** Shows the reservation with this code (typed or scanned), or says there is none. */
  find(input: string) {
    const code = normaliseCode(input) ?? input.trim().toUpperCase();
    const match = (this.items ?? []).find((r) => r.code === code || r.id === input.trim());
    if (!match) {
      this.findMessage = this.t.board.noMatch(code);
      return;
    }
    this.findMessage = '';
    this.focusId = match.id;
    void this.updateComplete.then(() => {
      const card = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(match.id)}"]`);
      card?.scrollIntoView({ block: 'center' });
      card?.focus();
    });
  }

  private onFind(e: SubmitEvent) {
    e.preventDefault();
    this.find((new FormData(e.target as HTMLFormElement).get('code') as string) ?? '');
  }

  private async toggleScan() {
    if (this.scanning) {
      this.stopScan?.();
      return;
    }
    this.scanning = true;
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video')!;
    try {
      const { scanCodes } = await import('./scan.js');
      this.stopScan = await scanCodes(video, (text) => {
        const code = codeIn(text);
        if (!code) return false;
        this.stopScan?.();
        this.find(code);
        return true;
      });
      const stop = this.stopScan;
      this.stopScan = () => {
        stop();
        this.scanning = false;
        this.stopScan = undefined;
      };
    } catch {
      this.scanning = false;
      this.findMessage = this.t.board.scanNoCamera;
    }
  }

  private async change(r: Reservation, status: Change, reason?: string) {
    this.busy = r.id;
    const notices = new Map(this.notices);
    try {
      const updated = await this.api.call<Reservation>('PATCH', `/v1/stores/${encodeURIComponent(this.storeId)}/reservations/${encodeURIComponent(r.id)}`, {
        json: reason ? { status, reason } : { status },
      });
      this.items = (this.items ?? []).map((x) => (x.id === r.id ? updated : x)).filter((x) => x.status !== 'collected' && x.status !== 'cancelled');
      notices.set(r.id, { text: this.t.board.done[status](r.code), bad: false });
      this.cancelling = '';
    } catch (err) {
      const p = err instanceof ApiProblem ? err.problem : undefined;
      const text = p?.code === 'invalid-transition' && p.current_status
        ? this.t.board.invalid(this.t.board.status[p.current_status as Reservation['status']] ?? p.current_status)
        : p?.code === 'offline' ? this.t.offline : p?.detail ?? this.t.error;
      notices.set(r.id, { text, bad: true });
    } finally {
      this.busy = '';
      this.notices = notices;
    }
  }

  private onCancel(e: SubmitEvent, r: Reservation) {
    e.preventDefault();
    const reason = ((new FormData(e.target as HTMLFormElement).get('reason') as string) ?? '').trim();
    void this.change(r, 'cancelled', reason || undefined);
  }

  override render() {
    const t = this.t.board;
    const sections = this.sections();
    // Done ones (collected, cancelled) leave the board, but their notice stays until the next change.
    const doneNotices = [...this.notices].filter(([id]) => !(this.items ?? []).some((r) => r.id === id));
    return html`
      <section aria-labelledby="board-h">
        <h1 id="board-h">${t.heading}</h1>
        <div class="live">
          <span class="muted" role="status">${!this.items ? this.t.loading : this.connected ? t.live : t.reconnecting}</span>
          <label><input type="checkbox" .checked=${this.sound} @change=${(e: Event) => (this.sound = (e.target as HTMLInputElement).checked)} />${t.sound}</label>
        </div>
        <div class="visually-hidden" aria-live="assertive">${this.announcement}</div>
        <div class="tools">
          <form class="stack" @submit=${this.onFind}>
            <label for="code">${t.find}</label>
            <div class="find">
              <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder=${t.findHint} />
              <button type="submit" class="primary">${t.findButton}</button>
            </div>
          </form>
          <button type="button" @click=${this.toggleScan} aria-pressed=${this.scanning ? 'true' : 'false'}>${this.scanning ? t.scanStop : t.scan}</button>
        </div>
        ${this.scanning ? html`<video muted playsinline aria-label=${t.scan}></video>` : nothing}
        <div role="alert">${this.findMessage ? html`<p class="notice bad">${this.findMessage}</p>` : nothing}</div>
        <div aria-live="polite">${doneNotices.map(([, n]) => html`<p class="notice ${n.bad ? 'bad' : 'ok'}">${n.text}</p>`)}</div>
        <div class="sections">
          ${(['new', 'ready', 'dueToday', 'expired'] as const).map((key) => html`
            <section aria-labelledby="s-${key}">
              <h2 id="s-${key}">${t.sections[key]} (${sections[key].length})</h2>
              ${sections[key].length ? html`<ul>${sections[key].map((r) => this.card(r))}</ul>` : html`<p class="muted">${this.items ? t.empty : this.t.loading}</p>`}
            </section>
          `)}
        </div>
      </section>
    `;
  }

  private card(r: Reservation) {
    const t = this.t.board;
    const when = (iso: string) => formatWhen(iso, this.uiLang, r.store.time_zone);
    const notice = this.notices.get(r.id);
    const open = r.status === 'held' || r.status === 'ready';
    const fresh = this.fresh.has(r.id);
    return html`
      <li class="card ${r.id === this.focusId ? 'focus' : ''} ${fresh ? 'flash' : ''}" data-id=${r.id} data-code=${r.code} tabindex="-1">
        <div class="row">
          <span class="code" aria-label="${t.code} ${r.code.split('').join(' ')}">${r.code}</span>
          <span class="status ${r.status}">${t.status[r.status]}</span>
          ${fresh ? html`<span class="badge">${t.newBadge}</span>` : nothing}
        </div>
        <dl>
          <dt>${t.article}</dt><dd>${r.item.name} <span class="muted">(${r.item.sku})</span></dd>
          <dt>${t.quantity}</dt><dd>${r.quantity}</dd>
          <dt>${t.customer}</dt>
          <dd>
            ${r.customer?.name ?? '–'}
            ${r.customer?.email ? html`<br /><a href="mailto:${r.customer.email}">${r.customer.email}</a>` : nothing}
            ${r.customer?.phone ? html`<br /><a href="tel:${r.customer.phone.replace(/[^+\d]/g, '')}">${r.customer.phone}</a>` : nothing}
          </dd>
        </dl>
        <p class="muted">${t.pickup(when(r.ready_from), when(r.expires_at))}</p>
        ${notice ? html`<p class="notice ${notice.bad ? 'bad' : 'ok'}" role=${notice.bad ? 'alert' : 'status'}>${notice.text}</p>` : nothing}
        ${open && this.cancelling !== r.id ? html`
          <div class="actions">
            ${r.status === 'held' ? html`<button class="primary" ?disabled=${this.busy === r.id} @click=${() => this.change(r, 'ready')}>${t.markReady}</button>` : nothing}
            <button ?disabled=${this.busy === r.id} @click=${() => this.change(r, 'collected')}>${t.collected}</button>
            <button class="danger" ?disabled=${this.busy === r.id} @click=${() => (this.cancelling = r.id)}>${t.cancel}</button>
          </div>` : nothing}
        ${this.cancelling === r.id ? html`
          <form class="stack" @submit=${(e: SubmitEvent) => this.onCancel(e, r)}>
            <div>
              <label for="reason-${r.id}">${t.cancelReason}</label>
              <input id="reason-${r.id}" name="reason" type="text" maxlength="300" />
            </div>
            <div class="actions">
              <button class="danger" type="submit" ?disabled=${this.busy === r.id}>${t.cancelConfirm}</button>
              <button type="button" @click=${() => (this.cancelling = '')}>${t.keep}</button>
            </div>
          </form>` : nothing}
      </li>
    `;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatWhen(iso: string, lang: Lang, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
    formats.set(key, f);
  }
  return f.format(new Date(iso)) + (lang === 'de' ? ' Uhr' : '');
}

function sameDay(iso: string, now: Date, timeZone: string): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(new Date(iso)) === day.format(now);
}
