/**
 * The operator's shops: each with its address, click & collect, paused or not,
 * its key state, last stock update and open reservations; invite by mail, a new
 * key (shown once), revoke, pause and resume, each change that takes something
 * away confirmed once. Below, adding a shop with its hours (typed as text, read
 * by the endpoint's own parser) and click & collect defaults.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { OperatorStore, OperatorStoreList, InviteSent } from '../../sdk/contract/schemas/operator.js';
import type { OpeningHours } from '../../sdk/contract/schemas/primitives.js';
import type { Store, StoreCreated } from '../../sdk/contract/schemas/stores.js';
import { ApiProblem, type DashboardApi } from '../api.js';
import type { Lang } from '../strings.js';
import { base } from '../styles.js';
import { fieldStyles, problemText } from './form.js';
import type { OperatorStrings } from './strings.js';

type Action = 'rotate' | 'revoke' | 'pause';
type Message = { text: string; bad?: boolean; key?: string };

const FIELDS = ['name', 'street', 'postal_code', 'city', 'lat', 'lon', 'email', 'phone', 'hours', 'ready', 'hold'] as const;
type Field = (typeof FIELDS)[number];

export class OperatorShops extends LitElement {
  static override styles = [
    base,
    fieldStyles,
    css`
      ul.shops { list-style: none; margin: 0 0 1.5rem; padding: 0; display: grid; gap: 0.75rem; }
      @media (min-width: 700px) { ul.shops { grid-template-columns: 1fr 1fr; } }
      .facts { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; margin: 0 0 0.5rem; padding: 0; list-style: none; }
      .facts li { font-size: 0.9375rem; padding: 0.125rem 0.5rem; border-radius: 999px; background: var(--soft); border: 1px solid var(--line); }
      .facts li.bad { border-color: var(--bad); color: var(--bad); background: #fdf0ee; }
      .facts li.warn { border-color: var(--warn); color: #5c3200; background: #fff6e5; }
      .confirm { margin-top: 0.5rem; }
      code { font-size: 1rem; overflow-wrap: anywhere; word-break: break-all; background: var(--soft); padding: 0.125rem 0.25rem; border-radius: 4px; }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: OperatorStrings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';

  @state() private items: OperatorStore[] | undefined;
  @state() private asking: { id: string; action: Action } | undefined;
  @state() private message: Message | undefined;
  @state() private busy = false;
  @state() private draft: Record<Field, string> & { collect: boolean } = { ...Object.fromEntries(FIELDS.map((f) => [f, ''])), ready: '120', hold: '2', collect: true } as Record<Field, string> & { collect: boolean };
  @state() private addError: { field?: Field; text: string } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.items = (await this.api.call<OperatorStoreList>('GET', '/v1/operator/stores')).items;
    } catch (err) {
      this.message = { text: problemText(err, this.t.error), bad: true };
    }
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.uiLang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  private async run(work: () => Promise<Message>) {
    this.busy = true;
    try {
      this.message = await work();
      await this.load();
    } catch (err) {
      this.message = { text: problemText(err, this.t.error), bad: true };
    } finally {
      this.busy = false;
      this.asking = undefined;
    }
  }

  private invite(s: Store) {
    return this.run(async () => {
      const sent = await this.api.call<InviteSent>('POST', `/v1/stores/${encodeURIComponent(s.id)}/invite`);
      return { text: this.t.shops.invited(sent.email, sent.valid_minutes) };
    });
  }

  private confirmed(s: Store, action: Action) {
    const id = encodeURIComponent(s.id);
    const t = this.t.shops;
    return this.run(async () => {
      if (action === 'rotate') {
        const { key } = await this.api.call<{ key: string }>('POST', `/v1/stores/${id}/keys`);
        return { text: t.newKey(s.name), key };
      }
      if (action === 'revoke') {
        await this.api.call('DELETE', `/v1/stores/${id}/keys`);
        return { text: t.revokedDone(s.name) };
      }
      await this.api.call('PUT', `/v1/stores/${id}/paused`, { json: { paused: true } });
      return { text: t.pausedDone(s.name) };
    });
  }

  private resume(s: Store) {
    return this.run(async () => {
      await this.api.call('PUT', `/v1/stores/${encodeURIComponent(s.id)}/paused`, { json: { paused: false } });
      return { text: this.t.shops.resumedDone(s.name) };
    });
  }

  private input(field: Field) {
    return (e: Event) => (this.draft = { ...this.draft, [field]: (e.target as HTMLInputElement).value });
  }

  private number(field: Field, text: string): number {
    const n = Number(text.trim().replace(',', '.'));
    if (!text.trim() || !Number.isFinite(n)) throw Object.assign(new Error(), { field });
    return n;
  }

  private async add(e: SubmitEvent) {
    e.preventDefault();
    const d = this.draft;
    const t = this.t;
    this.addError = undefined;
    this.busy = true;
    try {
      let lat: number, lon: number, ready: number, hold: number;
      try {
        lat = this.number('lat', d.lat);
        lon = this.number('lon', d.lon);
        ready = this.number('ready', d.ready);
        hold = this.number('hold', d.hold);
      } catch (err) {
        const field = (err as { field: Field }).field;
        this.addError = { field, text: `${this.label(field)}: ${this.uiLang === 'de' ? 'keine Zahl' : 'not a number'}` };
        return;
      }
      let hours: OpeningHours | undefined;
      if (d.hours.trim()) {
        try {
          hours = await this.api.call<OpeningHours>('POST', '/v1/operator/opening-hours', { text: d.hours, type: 'text/plain; charset=utf-8' });
        } catch (err) {
          this.addError = { field: 'hours', text: `${this.label('hours')}: ${problemText(err, t.error)}` };
          return;
        }
      }
      const body = {
        name: d.name.trim(),
        address: { street: d.street.trim(), postal_code: d.postal_code.trim(), city: d.city.trim(), country: 'DE' },
        location: { lat, lon },
        ...(d.email.trim() ? { email: d.email.trim() } : {}),
        ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
        ...(hours ? { opening_hours: hours } : {}),
        click_and_collect: { enabled: d.collect, ready_within_minutes: ready, hold_days: hold },
      };
      try {
        const created = await this.api.call<StoreCreated>('POST', '/v1/stores', { json: body });
        this.message = { text: `${t.add.created(created.store.name)} ${t.shops.newKey(created.store.name)}`, key: created.key };
        this.draft = { ...Object.fromEntries(FIELDS.map((f) => [f, ''])), ready: '120', hold: '2', collect: true } as typeof this.draft;
        await this.load();
      } catch (err) {
        const path = err instanceof ApiProblem ? err.problem.errors?.[0]?.path ?? '' : '';
        const field = this.fieldOf(path);
        this.addError = { ...(field ? { field } : {}), text: field ? `${this.label(field)}: ${err instanceof ApiProblem ? err.problem.errors?.[0]?.reason ?? '' : ''}` : problemText(err, t.error) };
      }
    } finally {
      this.busy = false;
    }
  }

  private fieldOf(path: string): Field | undefined {
    const map: Record<string, Field> = {
      name: 'name', 'address.street': 'street', 'address.postal_code': 'postal_code', 'address.city': 'city',
      'location.lat': 'lat', 'location.lon': 'lon', email: 'email', phone: 'phone', opening_hours: 'hours',
      'click_and_collect.ready_within_minutes': 'ready', 'click_and_collect.hold_days': 'hold', id: 'name',
    };
    return map[path] ?? (path.startsWith('opening_hours') ? 'hours' : undefined);
  }

  private label(field: Field): string {
    const a = this.t.add;
    return { name: a.name, street: a.street, postal_code: a.postal, city: a.city, lat: a.lat, lon: a.lon, email: a.email, phone: a.phone, hours: a.hours, ready: a.readyWithin, hold: a.holdDays }[field];
  }

  private field(field: Field, type = 'text', required = true, hint?: string) {
    const bad = this.addError?.field === field;
    return html`<div class="field">
      <label for="add-${field}">${this.label(field)}</label>
      ${hint ? html`<p class="hint" id="add-${field}-hint">${hint}</p>` : nothing}
      ${field === 'hours'
        ? html`<textarea id="add-hours" name="hours" rows="2" .value=${this.draft.hours} @input=${this.input('hours')}
            aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${[hint ? 'add-hours-hint' : '', bad ? 'add-error' : ''].filter(Boolean).join(' ') || nothing}></textarea>`
        : html`<input id="add-${field}" name=${field} type=${type} .value=${this.draft[field]} @input=${this.input(field)} ?required=${required}
            inputmode=${['lat', 'lon', 'ready', 'hold'].includes(field) ? 'decimal' : nothing}
            aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${[hint ? `add-${field}-hint` : '', bad ? 'add-error' : ''].filter(Boolean).join(' ') || nothing} />`}
    </div>`;
  }

  private renderShop({ store: s, has_key, stock_updated_at, open_reservations }: OperatorStore) {
    const t = this.t.shops;
    const asking = this.asking?.id === s.id ? this.asking.action : undefined;
    const question = asking === 'rotate' ? t.rotateConfirm(s.name) : asking === 'revoke' ? t.revokeConfirm(s.name) : asking === 'pause' ? t.pauseConfirm(s.name) : '';
    return html`<li class="card" data-store=${s.id}>
      <h3>${s.name}</h3>
      <p class="muted">${t.address(s.address.street, s.address.postal_code, s.address.city)}</p>
      <ul class="facts">
        <li>${s.click_and_collect.enabled ? t.collectOn : t.collectOff}</li>
        ${s.paused ? html`<li class="warn">${t.paused}</li>` : nothing}
        ${has_key ? nothing : html`<li class="bad">${t.revoked}</li>`}
        <li>${stock_updated_at ? t.stockAt(this.when(stock_updated_at)) : t.noStock}</li>
        <li>${t.open(open_reservations)}</li>
      </ul>
      ${s.email ? nothing : html`<p class="muted">${t.noEmail}</p>`}
      <div class="row" role="group" aria-label=${t.actionsFor(s.name)}>
        ${s.email && has_key ? html`<button ?disabled=${this.busy} @click=${() => this.invite(s)}>${t.invite}</button>` : nothing}
        <button ?disabled=${this.busy} @click=${() => (this.asking = { id: s.id, action: 'rotate' })}>${t.rotate}</button>
        ${has_key ? html`<button class="danger" ?disabled=${this.busy} @click=${() => (this.asking = { id: s.id, action: 'revoke' })}>${t.revoke}</button>` : nothing}
        ${s.paused
          ? html`<button ?disabled=${this.busy} @click=${() => this.resume(s)}>${t.resume}</button>`
          : html`<button class="danger" ?disabled=${this.busy} @click=${() => (this.asking = { id: s.id, action: 'pause' })}>${t.pause}</button>`}
      </div>
      ${asking
        ? html`<div class="notice warn confirm" role="alertdialog" aria-labelledby="ask-${s.id}">
            <p id="ask-${s.id}">${question}</p>
            <div class="row">
              <button class="primary" data-confirm ?disabled=${this.busy} @click=${() => this.confirmed(s, asking)}>${this.t.yes}</button>
              <button ?disabled=${this.busy} @click=${() => (this.asking = undefined)}>${this.t.cancel}</button>
            </div>
          </div>`
        : nothing}
    </li>`;
  }

  override updated(): void {
    // The question takes the focus, so a keyboard or screen reader user meets it at once.
    if (this.asking) this.renderRoot.querySelector<HTMLButtonElement>('[data-confirm]')?.focus();
  }

  override render() {
    const t = this.t;
    const m = this.message;
    return html`
      <h1>${t.shops.heading}</h1>
      <div role="status" aria-live="polite">
        ${m ? html`<div class="notice ${m.bad ? 'bad' : 'ok'}" id="shops-message"><p>${m.text}</p>${m.key ? html`<p><code>${m.key}</code></p><p>${t.shops.keyOnce}</p>` : nothing}</div>` : nothing}
      </div>
      ${this.items === undefined
        ? html`<p>${t.loading}</p>`
        : this.items.length === 0
          ? html`<p>${t.shops.none}</p>`
          : html`<ul class="shops">${this.items.map((i) => this.renderShop(i))}</ul>`}
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">${t.add.heading}</h2>
        <form class="card stack" @submit=${this.add} novalidate>
          <div class="grid">
            ${this.field('name')}${this.field('email', 'email', false)}
            ${this.field('street')}${this.field('postal_code')}${this.field('city')}${this.field('phone', 'tel', false)}
            ${this.field('lat')}${this.field('lon')}
          </div>
          ${this.field('hours', 'text', false, t.add.hoursHint)}
          <label class="check"><input type="checkbox" .checked=${this.draft.collect} @change=${(e: Event) => (this.draft = { ...this.draft, collect: (e.target as HTMLInputElement).checked })} /> ${t.add.collect}</label>
          <div class="grid">${this.field('ready', 'text')}${this.field('hold', 'text')}</div>
          ${this.addError ? html`<p class="notice bad" id="add-error" role="alert">${this.addError.field ? `${t.add.fix} ` : ''}${this.addError.text}</p>` : nothing}
          <button class="primary" type="submit" ?disabled=${this.busy}>${t.add.submit}</button>
        </form>
      </section>
    `;
  }
}
