/**
 * The shop's profile: weekly opening hours with several intervals a day,
 * special days (closed or other hours), the public holidays of the shop's
 * federal state added with one click (feiertagejs, loaded only then), click &
 * collect on or off with its pickup promise and hold days, whether quantities
 * are shown, how fresh the shop promises its stock is, and contact details. Saved in one PATCH; a refused field is named
 * and everything typed stays.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { OpeningHours, SpecialDay, TimeInterval } from '../sdk/contract/schemas/primitives.js';
import type { Store } from '../sdk/contract/schemas/stores.js';
import { STOCK_PROMISE_HOURS } from '../sdk/contract/stock.js';
import { ApiProblem, type DashboardApi } from './api.js';
import type { Lang, Strings } from './strings.js';
import { base } from './styles.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type DayKey = (typeof DAYS)[number];
export const STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

type Draft = Pick<Store, 'opening_hours' | 'click_and_collect' | 'show_quantities' | 'address'> & { email: string; phone: string; website: string; stock_promise_hours: number };

export class DashboardProfile extends LitElement {
  static override styles = [
    base,
    css`
      fieldset { border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; margin: 0 0 1rem; min-width: 0; }
      legend { font-weight: 700; padding: 0 0.25rem; }
      .day { display: grid; gap: 0.5rem; grid-template-columns: 1fr; padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
      @media (min-width: 600px) { .day { grid-template-columns: 7rem 1fr; } }
      .interval { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      input[type='time'], input[type='date'] { min-height: 44px; font: inherit; padding: 0.25rem 0.5rem; border: 1px solid #6b6b70; border-radius: 8px; }
      .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; min-height: 44px; }
      .check input { width: 1.25rem; height: 1.25rem; }
      .grid { display: grid; gap: 0.75rem; grid-template-columns: 1fr; }
      @media (min-width: 600px) { .grid { grid-template-columns: 1fr 1fr; } }
      select { min-height: 44px; font: inherit; border-radius: 8px; border: 1px solid #6b6b70; padding: 0 0.5rem; background: #fff; }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: Strings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';
  @property({ attribute: 'store-id' }) storeId = '';

  @state() private draft: Draft | undefined;
  @state() private message: { text: string; bad: boolean; errors?: string[] } | undefined;
  @state() private region: (typeof STATES)[number] = 'NW';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      const s = await this.api.call<Store>('GET', `/v1/stores/${encodeURIComponent(this.storeId)}`);
      this.draft = {
        opening_hours: structuredClone(s.opening_hours),
        click_and_collect: { ...s.click_and_collect },
        show_quantities: s.show_quantities,
        address: { ...s.address },
        email: s.email ?? '',
        phone: s.phone ?? '',
        website: s.website ?? '',
        stock_promise_hours: s.stock_promise_hours ?? STOCK_PROMISE_HOURS,
      };
    } catch {
      this.message = { text: this.t.error, bad: true };
    }
  }

  /** Changes the draft and re-renders (the draft is one object; Lit sees a new one). */
  private edit(change: (d: Draft) => void) {
    const next = structuredClone(this.draft!);
    change(next);
    this.draft = next;
  }

  private async addHolidays() {
    const { getHolidays } = await import('feiertagejs');
    const year = new Date().getFullYear();
    const today = new Date().toISOString().slice(0, 10);
    this.edit((d) => {
      const known = new Set(d.opening_hours.special_days.map((s) => s.date));
      for (const y of [year, year + 1]) {
        for (const h of getHolidays(y, this.region)) {
          if (h.dateString < today || known.has(h.dateString)) continue;
          d.opening_hours.special_days.push({ date: h.dateString, intervals: [], label: h.translate(this.uiLang) ?? h.name });
        }
      }
      d.opening_hours.special_days.sort((a, b) => a.date.localeCompare(b.date));
    });
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const d = this.draft!;
    this.busy = true;
    try {
      await this.api.call('PATCH', `/v1/stores/${encodeURIComponent(this.storeId)}`, {
        json: {
          opening_hours: d.opening_hours,
          click_and_collect: d.click_and_collect,
          show_quantities: d.show_quantities,
          address: d.address,
          email: d.email.trim() || null,
          phone: d.phone.trim() || null,
          website: d.website.trim() || null,
          stock_promise_hours: d.stock_promise_hours,
        },
      });
      this.message = { text: this.t.profile.saved, bad: false };
    } catch (err) {
      const p = err instanceof ApiProblem ? err.problem : undefined;
      this.message = {
        text: p?.code === 'offline' ? this.t.offline : this.t.profile.notSaved,
        bad: true,
        errors: p?.errors?.map((x) => `${this.t.profile.fieldName(x.path ?? x.field ?? '')}: ${x.reason}`),
      };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.t.profile;
    const d = this.draft;
    if (!d) return html`<h1>${t.heading}</h1>${this.message ? html`<p class="notice bad">${this.message.text}</p>` : html`<p>${this.t.loading}</p>`}`;
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const checked = (e: Event) => (e.target as HTMLInputElement).checked;
    return html`
      <h1>${t.heading}</h1>
      <form @submit=${this.save} novalidate>
        <fieldset>
          <legend>${t.collect}</legend>
          <label class="check"><input type="checkbox" name="cc" .checked=${d.click_and_collect.enabled} @change=${(e: Event) => this.edit((x) => (x.click_and_collect.enabled = checked(e)))} />${t.collectOn}</label>
          <div class="grid">
            <div>
              <label for="ready">${t.readyWithin}</label>
              <input id="ready" type="number" min="0" step="15" inputmode="numeric" .value=${String(d.click_and_collect.ready_within_minutes)} @change=${(e: Event) => this.edit((x) => (x.click_and_collect.ready_within_minutes = Number(value(e))))} />
            </div>
            <div>
              <label for="hold">${t.holdDays}</label>
              <input id="hold" type="number" min="1" max="14" inputmode="numeric" .value=${String(d.click_and_collect.hold_days)} @change=${(e: Event) => this.edit((x) => (x.click_and_collect.hold_days = Number(value(e))))} />
            </div>
          </div>
          <label class="check"><input type="checkbox" .checked=${d.show_quantities} @change=${(e: Event) => this.edit((x) => (x.show_quantities = checked(e)))} />${t.showQuantities}</label>
          <div>
            <label for="promise">${t.stockPromise}</label>
            <input id="promise" type="number" min="1" max="336" inputmode="numeric" aria-describedby="promise-hint" .value=${String(d.stock_promise_hours)} @change=${(e: Event) => this.edit((x) => (x.stock_promise_hours = Number(value(e))))} />
            <p class="muted" id="promise-hint">${t.stockPromiseHint}</p>
          </div>
        </fieldset>

        <fieldset>
          <legend>${t.hours}</legend>
          ${DAYS.map((day) => this.dayRow(day, d.opening_hours.weekly[day]))}
        </fieldset>

        <fieldset>
          <legend>${t.specialDays}</legend>
          <div class="row">
            <label class="visually-hidden" for="region">${t.state}</label>
            <select id="region" .value=${this.region} @change=${(e: Event) => (this.region = (e.target as HTMLSelectElement).value as (typeof STATES)[number])}>
              ${STATES.map((s) => html`<option value=${s} ?selected=${s === this.region}>${t.states[s]}</option>`)}
            </select>
            <button type="button" @click=${this.addHolidays}>${t.addHolidays}</button>
          </div>
          ${d.opening_hours.special_days.map((s, i) => this.specialRow(s, i))}
          <button type="button" @click=${() => this.edit((x) => x.opening_hours.special_days.push({ date: new Date().toISOString().slice(0, 10), intervals: [], label: '' }))}>${t.addSpecial}</button>
        </fieldset>

        <fieldset>
          <legend>${t.contact}</legend>
          <div class="grid">
            ${this.text('email', t.email, d.email, 'email', (x, v) => (x.email = v))}
            ${this.text('phone', t.phone, d.phone, 'tel', (x, v) => (x.phone = v))}
            ${this.text('website', t.website, d.website, 'url', (x, v) => (x.website = v))}
            ${this.text('street', t.street, d.address.street, 'text', (x, v) => (x.address.street = v))}
            ${this.text('postal', t.postalCode, d.address.postal_code, 'text', (x, v) => (x.address.postal_code = v))}
            ${this.text('city', t.city, d.address.city, 'text', (x, v) => (x.address.city = v))}
          </div>
        </fieldset>
        <div aria-live="polite">
          ${this.message ? html`<div class="notice ${this.message.bad ? 'bad' : 'ok'}" role=${this.message.bad ? 'alert' : 'status'}>
            <p>${this.message.text}</p>
            ${this.message.errors?.length ? html`<ul>${this.message.errors.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
          </div>` : nothing}
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t.save}</button>
      </form>
    `;
  }

  private text(id: string, label: string, current: string, type: string, set: (d: Draft, v: string) => void) {
    return html`<div>
      <label for=${id}>${label}</label>
      <input id=${id} type=${type} .value=${current} @input=${(e: Event) => this.edit((x) => set(x, (e.target as HTMLInputElement).value))} />
    </div>`;
  }

  private intervals(list: TimeInterval[], idPrefix: string, label: string, update: (change: (l: TimeInterval[]) => void) => void) {
    const t = this.t.profile;
    return html`
      ${list.map((iv, i) => html`
        <div class="interval">
          <label class="visually-hidden" for="${idPrefix}-o${i}">${label} ${t.opens} ${i + 1}</label>
          <input id="${idPrefix}-o${i}" type="time" .value=${iv.opens} @change=${(e: Event) => update((l) => (l[i]!.opens = (e.target as HTMLInputElement).value))} />
          <span aria-hidden="true">–</span>
          <label class="visually-hidden" for="${idPrefix}-c${i}">${label} ${t.closes} ${i + 1}</label>
          <input id="${idPrefix}-c${i}" type="time" .value=${iv.closes} @change=${(e: Event) => update((l) => (l[i]!.closes = (e.target as HTMLInputElement).value))} />
          <button type="button" @click=${() => update((l) => l.splice(i, 1))}>${t.remove}</button>
        </div>`)}
      ${list.length ? nothing : html`<span class="muted">${t.closed}</span>`}
      <div><button type="button" @click=${() => update((l) => l.push(l.length ? { opens: '14:00', closes: '18:00' } : { opens: '09:00', closes: '18:00' }))}>${t.addInterval}</button></div>
    `;
  }

  private dayRow(day: DayKey, list: TimeInterval[]) {
    const label = this.t.profile.days[day];
    return html`<div class="day" role="group" aria-label=${label}>
      <strong>${label}</strong>
      <div class="stack">${this.intervals(list, day, label, (change) => this.edit((x) => change(x.opening_hours.weekly[day])))}</div>
    </div>`;
  }

  private specialRow(s: SpecialDay, i: number) {
    const t = this.t.profile;
    return html`<div class="day" role="group" aria-label="${t.specialDay} ${s.date}">
      <div class="stack">
        <label class="visually-hidden" for="sd-${i}">${t.date}</label>
        <input id="sd-${i}" type="date" .value=${s.date} @change=${(e: Event) => this.edit((x) => (x.opening_hours.special_days[i]!.date = (e.target as HTMLInputElement).value))} />
      </div>
      <div class="stack">
        <label for="sl-${i}">${t.label}</label>
        <input id="sl-${i}" type="text" maxlength="80" .value=${s.label ?? ''} @input=${(e: Event) => this.edit((x) => (x.opening_hours.special_days[i]!.label = (e.target as HTMLInputElement).value || undefined))} />
        ${this.intervals(s.intervals, `sd${i}`, s.date, (change) => this.edit((x) => change(x.opening_hours.special_days[i]!.intervals)))}
        <div><button type="button" class="danger" @click=${() => this.edit((x) => x.opening_hours.special_days.splice(i, 1))}>${t.removeDay}</button></div>
      </div>
    </div>`;
  }
}

export type { OpeningHours };
