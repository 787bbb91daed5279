/**
 * The reservation dialog's content and logic, a lazy chunk: the form (checked
 * in the browser with the contract's own ReservationCreate schema), sending
 * with an idempotency key, what a failure means for the shopper, the
 * confirmation with code, QR code and calendar file, and cancelling.
 *
 * <citylab-click-collect> renders `render()` inside its native <dialog>.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CitylabClient, ClientError, Result } from '../../client/client.js';
import { holdWindow, nextFullMinute } from '../../contract/hold-window.js';
import { addDays, isoDate, wallClock } from '../../contract/opening-hours.js';
import { ReservationCreate, type Availability, type Offer, type Reservation } from '../../contract/schemas.js';
import { emit } from '../internal/events.js';
import { formatDay, formatPrice, formatTime } from '../internal/format.js';
import type { Lang } from '../internal/lang.js';
import { buildIcs } from './calendar.js';
import { dialogCatalogue, type DialogStrings } from './dialog-strings.js';
import { weekSummary } from './hours-summary.js';
import { maxQuantity, reservableOffers } from './offers.js';

export { dialogStyles } from './dialog-styles.js';

/** What the dialog needs from its element; the element keeps its own state private. */
export interface FlowPorts {
  host: ReactiveControllerHost & HTMLElement;
  root: () => HTMLElement | DocumentFragment;
  lang: () => Lang;
  api: () => CitylabClient | undefined;
  availability: () => Availability | undefined;
  /** The shop whose page this is (or the one the finder chose). */
  store: () => string | undefined;
  now: () => Date;
  close: () => void;
  reserved: (r: Reservation) => void;
  cancelled: () => void;
}

type Step = 'form' | 'sending' | 'done' | 'confirm-cancel' | 'cancelling' | 'cancelled';
type Field = 'store' | 'quantity' | 'name' | 'email' | 'phone' | 'privacy';
const FIELDS: Field[] = ['store', 'quantity', 'name', 'email', 'phone', 'privacy'];

/** One reservation attempt: the key is made once and sent again with every retry of the same attempt. */
interface Attempt {
  key: string;
  /** The request body as sent (JSON), to tell a retry from a changed form. */
  json: string;
  body: ReservationCreate;
}

const newKey = (): string => crypto.randomUUID();

/** An answer that settles the attempt: the endpoint decided and stored it. Anything else may or may not have arrived. */
function isSettled(result: Result<Reservation>): boolean {
  if (result.ok) return true;
  const e = result.error;
  return e.kind === 'http' && (e.status ?? 500) < 500 && e.code !== 'request-in-progress';
}

export class ReservationFlow implements ReactiveController {
  private step: Step = 'form';
  private values = { store: '', quantity: '1', name: '', email: '', phone: '', privacy: false };
  private errors: Partial<Record<Field, string>> = {};
  private failure?: { text: string; uncertain: boolean };
  private note = '';
  /** Units still free per shop, as the endpoint said after a 409. */
  private free = new Map<string, number>();
  /** Let the shopper choose another shop (after "sold out" at the shop of this page). */
  private chooseAny = false;
  /** The attempt whose outcome is unknown (network failure, timeout, 5xx): its key is reused. */
  private pending?: Attempt;
  private reservation?: Reservation;
  private token?: string;
  /** The e-mail the confirmation goes to: shown once in the confirmation, kept nowhere else. */
  private sentTo = '';
  private earlier = false;
  private cancelError = '';
  private ics?: { url: string; name: string };
  private snapshot?: Availability;

  constructor(private readonly ports: FlowPorts) {
    ports.host.addController(this);
  }

  private get t(): DialogStrings {
    return dialogCatalogue[this.ports.lang()];
  }

  private get lang(): Lang {
    return this.ports.lang();
  }

  private update(): void {
    this.ports.host.requestUpdate();
  }

  private $<T extends Element>(selector: string): T | null {
    return this.ports.root().querySelector<T>(selector);
  }

  // -------------------------------------------------------------- lifecycle

  /** Called before the dialog opens. */
  opening(): void {
    if (this.step === 'confirm-cancel') this.step = 'done';
    if (this.step === 'cancelled') this.startAnother();
    this.note = '';
    const offers = this.offers();
    if (!offers.some((o) => o.store.id === this.values.store)) {
      const own = this.ports.store();
      this.values.store = offers.find((o) => o.store.id === own)?.store.id ?? (offers.length === 1 ? offers[0]!.store.id : '');
    }
    this.update();
  }

  async focusInitial(): Promise<void> {
    await this.ports.host.updateComplete;
    if (this.step === 'form' || this.step === 'sending') {
      const first = this.$<HTMLElement>('input[name="store"]:checked') ?? this.$<HTMLElement>('input[name="store"]') ?? this.$<HTMLElement>('#cc-quantity');
      (first ?? this.$<HTMLElement>('#cc-title'))?.focus();
    } else {
      this.$<HTMLElement>('#cc-title')?.focus();
    }
  }

  /** Called after the dialog closed (Esc, the close button). */
  closed(): void {
    if (this.step === 'confirm-cancel') this.step = 'done';
    this.update();
  }

  /** The product or shop changed: a new reservation, with what the shopper typed about themselves kept. */
  reset(): void {
    this.startAnother();
    this.values.store = '';
    this.free.clear();
  }

  hostDisconnected(): void {
    if (this.ics) URL.revokeObjectURL(this.ics.url);
    this.ics = undefined;
  }

  private startAnother(): void {
    this.step = 'form';
    this.values.quantity = '1';
    this.errors = {};
    this.failure = undefined;
    this.pending = undefined;
    this.reservation = undefined;
    this.token = undefined;
    this.earlier = false;
    this.cancelError = '';
    this.chooseAny = false;
    this.hostDisconnected();
    this.update();
  }

  // ------------------------------------------------------------------- data

  private availability(): Availability | undefined {
    const current = this.ports.availability();
    if (current) this.snapshot = current;
    return current ?? this.snapshot;
  }

  private offers(): Offer[] {
    return reservableOffers(this.availability());
  }

  private offer(): Offer | undefined {
    return this.offers().find((o) => o.store.id === this.values.store);
  }

  /** The shop of this page takes the reservation: no choice shown. */
  private fixedStore(): boolean {
    const own = this.ports.store();
    return !this.chooseAny && !!own && this.offers().some((o) => o.store.id === own);
  }

  private maxFor(o: Offer | undefined): number {
    if (!o) return 10;
    const free = this.free.get(o.store.id);
    return free !== undefined ? Math.max(1, Math.min(free, maxQuantity(o))) : maxQuantity(o);
  }

  // ------------------------------------------------------------- validation

  /** Checks the form with the contract's schema (the endpoint uses the same one). */
  private validate(): { body?: ReservationCreate; errors: Partial<Record<Field, string>> } {
    const t = this.t;
    const v = this.values;
    const offer = this.offer();
    const phone = v.phone.trim();
    const candidate = {
      store: v.store,
      gtin: this.availability()?.gtin,
      quantity: v.quantity.trim() === '' ? Number.NaN : Number(v.quantity),
      customer: { name: v.name, email: v.email.trim(), ...(phone ? { phone } : {}) },
      privacy_accepted: v.privacy,
      lang: this.lang,
    };
    const errors: Partial<Record<Field, string>> = {};
    const parsed = ReservationCreate.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.map(String).join('.'));
        if (!field || errors[field]) continue;
        errors[field] = messageFor(field, issue.code, t, this.maxFor(offer));
      }
    }
    const quantity = candidate.quantity;
    if (!errors.quantity && offer && Number.isInteger(quantity) && quantity > this.maxFor(offer)) {
      const free = this.free.get(offer.store.id) ?? offer.quantity;
      errors.quantity = free !== undefined && free < 10 ? t.errQuantityFree(offer.store.name, free) : t.errQuantityMax(this.maxFor(offer));
    }
    return parsed.success && Object.keys(errors).length === 0 ? { body: parsed.data, errors } : { errors };
  }

  // ---------------------------------------------------------------- sending

  private onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    // A second click (or Enter) while the first is on its way sends nothing more.
    if (this.step === 'sending') return;
    const { body, errors } = this.validate();
    this.errors = errors;
    this.note = '';
    if (!body) {
      this.update();
      await this.ports.host.updateComplete;
      const first = FIELDS.find((f) => errors[f]);
      this.$<HTMLElement>(first === 'store' ? 'input[name="store"]' : `#cc-${first}`)?.focus();
      return;
    }
    const go = emit(this.ports.host, 'citylab-reserve', { store: body.store, gtin: body.gtin!, quantity: body.quantity }, { cancelable: true });
    if (!go) {
      this.note = this.t.cancelledByPage;
      this.update();
      return;
    }
    const api = this.ports.api();
    if (!api) return;
    this.step = 'sending';
    this.failure = undefined;
    this.update();
    const { result, earlier, sent } = await this.send(api, body);
    if (isSettled(result)) this.pending = undefined;
    if (result.ok) await this.succeed(result.data, sent, earlier);
    else await this.failed(result.error, sent);
  };

  /**
   * Sends the body with the attempt's key. A retry after an unknown outcome
   * reuses that key: the endpoint then answers with the reservation it already
   * made instead of making a second one.
   */
  private async send(api: CitylabClient, body: ReservationCreate): Promise<{ result: Result<Reservation>; earlier: boolean; sent: ReservationCreate }> {
    const json = JSON.stringify(body);
    const unsure = this.pending;
    this.pending = { key: unsure?.key ?? newKey(), json, body };
    let result = await api.reserve(body, this.pending.key);
    if (unsure && unsure.json !== json && !result.ok && result.error.code === 'idempotency-key-reused') {
      // The form changed after an answer was lost, and the first request had arrived after all.
      // Ask for its stored answer: if it made a reservation, that is the shopper's reservation.
      this.pending = unsure;
      const first = await api.reserve(unsure.body, unsure.key);
      if (first.ok || !isSettled(first)) return { result: first, earlier: first.ok, sent: unsure.body };
      // The first attempt was turned down (nothing held): the changed form is a new attempt.
      this.pending = { key: newKey(), json, body };
      result = await api.reserve(body, this.pending.key);
    }
    return { result, earlier: false, sent: body };
  }

  private async succeed(r: Reservation, body: ReservationCreate, earlier: boolean): Promise<void> {
    this.reservation = r;
    this.token = r.customer_token;
    this.sentTo = body.customer.email;
    this.earlier = earlier;
    this.step = 'done';
    this.errors = {};
    this.failure = undefined;
    this.makeIcs(r);
    this.ports.reserved(r);
    this.update();
    emit(this.ports.host, 'citylab-reserved', {
      id: r.id,
      code: r.code,
      store: r.store.id,
      gtin: r.item.gtin,
      quantity: r.quantity,
      expires_at: r.expires_at,
    });
    await this.ports.host.updateComplete;
    this.$<HTMLElement>('#cc-title')?.focus();
    await this.drawQr(r.code);
  }

  private async drawQr(code: string): Promise<void> {
    try {
      // The encoder (lean-qr) is a lazy chunk of its own, shared with the 3D viewer's QR code.
      const { drawQrCode } = await import('../internal/qr-code.js');
      const canvas = this.$<HTMLCanvasElement>('canvas.qr');
      if (canvas && this.reservation?.code === code) drawQrCode(canvas, code);
    } catch (err) {
      // The code is written out large as well; the QR code is a convenience.
      emit(this.ports.host, 'citylab-error', { element: 'citylab-click-collect', kind: 'network', message: `QR code: ${(err as Error).message}` });
    }
  }

  private async failed(error: ClientError, body: ReservationCreate): Promise<void> {
    const t = this.t;
    const offer = this.offer();
    const shop = offer?.store.name ?? body.store;
    this.step = 'form';
    let focus: string | undefined;
    const unsure = !!this.pending;
    if (error.kind === 'network') this.failure = { text: t.failNetwork, uncertain: unsure };
    else if (error.kind === 'timeout') this.failure = { text: t.failTimeout, uncertain: unsure };
    else if (error.kind === 'invalid-response' || (error.status ?? 0) >= 500) this.failure = { text: t.failServer, uncertain: unsure };
    else if (error.code === 'request-in-progress') this.failure = { text: t.failInProgress, uncertain: unsure };
    else if (error.code === 'insufficient-stock') {
      const available = error.problem?.available ?? 0;
      this.free.set(body.store, available);
      if (available > 0) {
        this.failure = { text: t.failInsufficient(shop, available), uncertain: false };
        this.errors = { quantity: t.errQuantityFree(shop, available) };
        focus = '#cc-quantity';
      } else {
        this.failure = { text: t.failSoldOut(shop), uncertain: false };
        // Other shops in town may still have it: offer them, and let the shopper choose again.
        this.chooseAny = true;
        if (this.offers().some((o) => o.store.id !== body.store)) {
          this.values.store = '';
          focus = 'input[name="store"]:not(:disabled)';
        }
      }
    } else if (error.status === 429) {
      this.failure = { text: t.failRateLimited(this.whenAgain(error.retryAfter ?? 60)), uncertain: false };
    } else if (error.code === 'not-reservable' || error.code === 'product-not-found' || error.code === 'store-not-found') {
      this.failure = { text: t.failNotReservable(shop, offer?.store.phone), uncertain: false };
    } else if (error.problem?.errors?.length) {
      for (const e of error.problem.errors) {
        const field = e.path ? fieldOf(e.path) : undefined;
        if (field) this.errors[field] = t.errCheck;
      }
      this.failure = { text: t.failInvalid, uncertain: false };
    } else {
      this.failure = { text: t.failServer, uncertain: false };
    }
    emit(this.ports.host, 'citylab-error', {
      element: 'citylab-click-collect',
      kind: error.kind,
      ...(error.code ? { code: error.code } : {}),
      message: error.message,
    });
    this.update();
    await this.ports.host.updateComplete;
    if (focus) this.$<HTMLElement>(focus)?.focus();
  }

  /** "in 5 Minuten" / "ab 15:42 Uhr" / "morgen, 09:00 Uhr", in the shopper's own time zone. */
  private whenAgain(seconds: number): string {
    const t = this.t;
    if (seconds <= 15 * 60) return t.inMinutes(Math.ceil(seconds / 60));
    const at = new Date(this.ports.now().getTime() + seconds * 1000);
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const time = formatTime(at, tz, this.lang);
    return isoDate(wallClock(at, tz)) === isoDate(wallClock(this.ports.now(), tz)) ? t.atTime(time) : this.when(at, tz);
  }

  // ------------------------------------------------------------- cancelling

  private askCancel = async (): Promise<void> => {
    this.step = 'confirm-cancel';
    this.cancelError = '';
    this.update();
    await this.ports.host.updateComplete;
    this.$<HTMLElement>('#cc-cancel-no')?.focus();
  };

  private keep = async (): Promise<void> => {
    this.step = 'done';
    this.update();
    await this.ports.host.updateComplete;
    this.$<HTMLElement>('#cc-cancel')?.focus();
  };

  private confirmCancel = async (): Promise<void> => {
    const r = this.reservation;
    const api = this.ports.api();
    if (!r || !this.token || !api || this.step === 'cancelling') return;
    // (aria-disabled keeps focus on the button while it works; a second press sends nothing)
    this.step = 'cancelling';
    this.update();
    const result = await api.cancelReservation(r.id, this.token);
    if (result.ok) {
      this.reservation = result.data;
      this.step = 'cancelled';
      this.hostDisconnected();
      this.ports.cancelled();
      this.update();
      await this.ports.host.updateComplete;
      this.$<HTMLElement>('#cc-title')?.focus();
      return;
    }
    this.step = 'done';
    this.cancelError = this.t.cancelFailed;
    emit(this.ports.host, 'citylab-error', {
      element: 'citylab-click-collect',
      kind: result.error.kind,
      ...(result.error.code ? { code: result.error.code } : {}),
      message: result.error.message,
    });
    this.update();
    await this.ports.host.updateComplete;
    this.$<HTMLElement>('#cc-cancel')?.focus();
  };

  private another = async (): Promise<void> => {
    this.startAnother();
    this.opening();
    await this.focusInitial();
  };

  // --------------------------------------------------------------- calendar

  private makeIcs(r: Reservation): void {
    this.hostDisconnected();
    const t = this.t;
    const tz = r.store.time_zone;
    const a = r.store.address;
    const text = buildIcs({
      uid: `${r.id}@citylab`,
      stamp: this.ports.now(),
      start: new Date(r.ready_from),
      end: new Date(r.expires_at),
      summary: t.calendarSummary(r.quantity, r.item.name, r.store.name),
      location: `${r.store.name}, ${a.street}, ${a.postal_code} ${a.city}`,
      description: [t.calendarDescription(r.code, this.when(new Date(r.expires_at), tz)), `${t.hours}: ${weekSummary(r.store.opening_hours, t).join('; ')}`].join('\n'),
      alarm: { minutesBeforeEnd: 120, description: t.calendarAlarm(r.store.name) },
    });
    this.ics = { url: URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })), name: t.calendarFile(r.code) };
  }

  // ----------------------------------------------------------------- format

  /** "heute, 12:00 Uhr", "morgen, 09:30 Uhr", "Mi., 2. Dez., 18:30 Uhr" in the shop's time zone. */
  private when(instant: Date, tz: string): string {
    const t = this.t;
    const time = formatTime(instant, tz, this.lang);
    const day = isoDate(wallClock(instant, tz));
    const today = wallClock(this.ports.now(), tz);
    if (day === isoDate(today)) return t.today(time);
    if (day === isoDate(addDays(today, 1))) return t.tomorrow(time);
    return t.onDay(formatDay(instant, tz, this.lang), time);
  }

  private price(amount: string, currency: string, quantity: number): string {
    const each = formatPrice(amount, currency, this.lang);
    const cents = Math.round(Number(amount) * 100) * quantity;
    return this.t.total(quantity, each, formatPrice((cents / 100).toFixed(2), currency, this.lang));
  }

  // ----------------------------------------------------------------- render

  render(): TemplateResult {
    const t = this.t;
    const product = this.reservation?.item.name ?? this.availability()?.product.name ?? '';
    let body: TemplateResult;
    switch (this.step) {
      case 'done':
      case 'confirm-cancel':
      case 'cancelling':
        body = this.renderDone();
        break;
      case 'cancelled':
        body = this.renderCancelled();
        break;
      default:
        body = this.offers().length === 0 ? this.renderUnavailable() : this.renderForm();
    }
    const title = this.step === 'cancelled' ? t.cancelledTitle : this.reservation && this.step !== 'form' && this.step !== 'sending' ? t.doneTitle : t.title;
    return html`<div class="sheet">
      <div class="head">
        <div>
          <h2 id="cc-title" tabindex="-1">${title}</h2>
          ${product ? html`<p class="subtitle">${product}</p>` : nothing}
        </div>
        <button type="button" class="close" part="dialog-button" aria-label=${t.close} @click=${this.ports.close}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" stroke-width="1.8"/></svg>
        </button>
      </div>
      ${body}
    </div>`;
  }

  private renderUnavailable(): TemplateResult {
    const t = this.t;
    return html`<p class="lead">${t.unavailable}</p>
      <div class="actions"><button type="button" part="dialog-button" class="secondary" @click=${this.ports.close}>${t.close}</button></div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const v = this.values;
    const e = this.errors;
    const offer = this.offer();
    const max = this.maxFor(offer);
    const sending = this.step === 'sending';
    const described = (id: Field, ...extra: string[]) => [...extra, e[id] ? `cc-${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const error = (id: Field) =>
      html`<p class="field-error" part="field-error" id="cc-${id}-error" ?hidden=${!e[id]}>${warnIcon} <span>${e[id] ?? ''}</span></p>`;
    const input = (ev: Event) => {
      const target = ev.target as HTMLInputElement;
      const name = target.name as Field;
      if (name === 'privacy') v.privacy = target.checked;
      else v[name] = target.value;
      // A corrected field loses its message once it passes.
      if (e[name] && !this.validate().errors[name]) delete e[name];
      // The price and the pickup window follow the quantity and the shop.
      this.update();
    };
    const quantity = Number(v.quantity);
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.fixedStore() || this.offers().length < 2 ? nothing : this.renderShops(input)}
      ${offer ? this.renderSummary(offer, Number.isInteger(quantity) && quantity >= 1 && quantity <= max ? quantity : 1) : nothing}

      <div class="field">
        <label for="cc-quantity">${t.quantity}</label>
        <input id="cc-quantity" part="input" class="qty" name="quantity" type="number" inputmode="numeric" min="1" max=${max} step="1" required
          .value=${v.quantity} @input=${input}
          aria-invalid=${e.quantity ? 'true' : 'false'} aria-describedby=${described('quantity', 'cc-quantity-hint')} />
        <p class="hint" id="cc-quantity-hint">${t.quantityHint(max)}</p>
        ${error('quantity')}
      </div>
      <div class="field">
        <label for="cc-name">${t.name}</label>
        <input id="cc-name" part="input" name="name" type="text" autocomplete="name" required
          .value=${v.name} @input=${input} aria-invalid=${e.name ? 'true' : 'false'} aria-describedby=${described('name')} />
        ${error('name')}
      </div>
      <div class="field">
        <label for="cc-email">${t.email}</label>
        <input id="cc-email" part="input" name="email" type="email" autocomplete="email" inputmode="email" required spellcheck="false"
          .value=${v.email} @input=${input} aria-invalid=${e.email ? 'true' : 'false'} aria-describedby=${described('email', 'cc-email-hint')} />
        <p class="hint" id="cc-email-hint">${t.emailHint}</p>
        ${error('email')}
      </div>
      <div class="field">
        <label for="cc-phone">${t.phone} <span class="optional">${t.optional}</span></label>
        <input id="cc-phone" part="input" name="phone" type="tel" autocomplete="tel" inputmode="tel"
          .value=${v.phone} @input=${input} aria-invalid=${e.phone ? 'true' : 'false'} aria-describedby=${described('phone')} />
        ${error('phone')}
      </div>

      <div class="privacy">
        <p class="privacy-title" id="cc-privacy-title">${t.privacyTitle}</p>
        <p id="cc-privacy-text">${t.privacy(offer?.store.name ?? t.theShop)}</p>
        <label class="check">
          <input id="cc-privacy" name="privacy" type="checkbox" required .checked=${v.privacy} @change=${input}
            aria-invalid=${e.privacy ? 'true' : 'false'} aria-describedby=${described('privacy', 'cc-privacy-text')} />
          <span>${t.privacyAccept}</span>
        </label>
        ${error('privacy')}
      </div>

      <div class="failure" part="failure" role="alert">${this.failure ? html`${warnIcon} <span>${this.failure.text}</span>` : nothing}</div>
      <div class="actions">
        <button type="submit" part="submit" class="primary" aria-disabled=${sending ? 'true' : nothing}>
          ${sending ? html`<span class="spinner" aria-hidden="true"></span> ${t.sending}` : this.failure?.uncertain ? t.resend : t.submit}
        </button>
      </div>
      <p class="live" role="status">${sending ? t.sending : this.note}</p>
    </form>`;
  }

  private renderShops(input: (e: Event) => void): TemplateResult {
    const t = this.t;
    const e = this.errors;
    return html`<fieldset class="shops" aria-describedby=${['cc-store-hint', e.store ? 'cc-store-error' : ''].filter(Boolean).join(' ')}>
      <legend>${t.chooseShop}</legend>
      <p class="hint" id="cc-store-hint">${t.chooseShopHint}</p>
      ${this.offers().map((o) => {
        const sold = this.free.get(o.store.id) === 0;
        return html`<label class="shop">
          <input type="radio" name="store" .value=${o.store.id} .checked=${this.values.store === o.store.id} ?disabled=${sold} @change=${input}
            aria-invalid=${e.store ? 'true' : 'false'} />
          <span><strong>${o.store.name}</strong>, ${o.store.address.street}<br />
            <span class="muted">${t.shopOption(formatPrice(o.price.amount, o.price.currency, this.lang), o.availability === 'limited_availability' ? t.limited : t.inStock)}</span></span>
        </label>`;
      })}
      <p class="field-error" part="field-error" id="cc-store-error" ?hidden=${!e.store}>${warnIcon} <span>${e.store ?? ''}</span></p>
    </fieldset>`;
  }

  private renderSummary(o: Offer, quantity: number): TemplateResult {
    const t = this.t;
    const s = o.store;
    const w = holdWindow(s, nextFullMinute(this.ports.now()));
    return html`<div class="summary">
      <p><strong>${s.name}</strong>, ${s.address.street}, ${s.address.postal_code} ${s.address.city}</p>
      <p class="window">${clockIcon} <span>${t.window(this.when(w.readyFrom, s.time_zone), this.when(w.expiresAt, s.time_zone))}</span></p>
      <p class="price"><span class="visually-hidden">${t.price}: </span>${this.price(o.price.amount, o.price.currency, quantity)} · ${t.payInShop}</p>
    </div>`;
  }

  private renderDone(): TemplateResult {
    const t = this.t;
    const r = this.reservation!;
    const s = r.store;
    const tz = s.time_zone;
    const a = s.address;
    const asking = this.step === 'confirm-cancel' || this.step === 'cancelling';
    return html`<div class="done" part="confirmation">
      <p class="lead">${t.doneLead(r.quantity, r.item.name, s.name)}</p>
      ${this.earlier ? html`<p class="note">${t.earlier}</p>` : nothing}
      <div class="ticket">
        <div>
          <p class="code-label">${t.codeLabel}</p>
          <p class="code" part="code">${r.code}</p>
          <p class="muted">${t.showCode}</p>
        </div>
        <canvas class="qr" part="qr-code" role="img" aria-label=${t.qrLabel(r.code)}></canvas>
      </div>
      <dl class="facts">
        <div><dt>${t.readyFrom}</dt><dd>${this.when(new Date(r.ready_from), tz)}</dd></div>
        <div><dt>${t.heldUntil}</dt><dd>${this.when(new Date(r.expires_at), tz)}</dd></div>
        <div><dt>${t.price}</dt><dd>${this.price(r.item.price.amount, r.item.price.currency, r.quantity)} · ${t.payInShop}</dd></div>
        <div><dt>${t.shop}</dt><dd>${s.name}<br />${a.street}<br />${a.postal_code} ${a.city}${s.phone
          ? html`<br /><a href="tel:${s.phone.replace(/[^+\d]/g, '')}">${t.call(s.phone)}</a>` : nothing}</dd></div>
        <div><dt>${t.hours}</dt><dd><ul class="hours">${weekSummary(s.opening_hours, t).map((l) => html`<li>${l}</li>`)}</ul></dd></div>
      </dl>
      ${this.sentTo ? html`<p class="muted">${t.mailSent(this.sentTo)}</p>` : nothing}
      ${asking
        ? html`<div class="ask" role="group" aria-labelledby="cc-ask">
            <p id="cc-ask">${t.cancelAsk}</p>
            <div class="actions">
              <button type="button" part="dialog-button" class="danger" @click=${this.confirmCancel} aria-disabled=${this.step === 'cancelling' ? 'true' : nothing}>
                ${this.step === 'cancelling' ? html`<span class="spinner" aria-hidden="true"></span> ${t.cancelling}` : t.cancelYes}
              </button>
              <button type="button" part="dialog-button" id="cc-cancel-no" class="secondary" @click=${this.keep}>${t.cancelNo}</button>
            </div>
          </div>`
        : html`<div class="actions">
            ${this.ics ? html`<a class="button secondary" part="dialog-button" href=${this.ics.url} download=${this.ics.name}>${calendarIcon} ${t.calendar}</a>` : nothing}
            ${this.token ? html`<button type="button" part="dialog-button" id="cc-cancel" class="secondary" @click=${this.askCancel}>${t.cancel}</button>` : nothing}
            <button type="button" part="dialog-button" class="primary" @click=${this.ports.close}>${t.close}</button>
          </div>
          <button type="button" part="dialog-button" class="quiet" @click=${this.another}>${t.another}</button>`}
      <p class="failure" role="alert">${this.cancelError ? html`${warnIcon} <span>${this.cancelError}</span>` : nothing}</p>
    </div>`;
  }

  private renderCancelled(): TemplateResult {
    const t = this.t;
    const r = this.reservation!;
    return html`<div class="done" part="confirmation">
      <p class="lead">${t.cancelledText(r.code, r.item.name)}</p>
      <div class="actions">
        <button type="button" part="dialog-button" class="secondary" @click=${this.another}>${t.another}</button>
        <button type="button" part="dialog-button" class="primary" @click=${this.ports.close}>${t.close}</button>
      </div>
    </div>`;
  }
}

function fieldOf(path: string): Field | undefined {
  if (path === 'store' || path === 'quantity') return path;
  if (path === 'customer.name') return 'name';
  if (path === 'customer.email') return 'email';
  if (path === 'customer.phone') return 'phone';
  if (path === 'privacy_accepted') return 'privacy';
  return undefined;
}

function messageFor(field: Field, code: string, t: DialogStrings, max: number): string {
  switch (field) {
    case 'store':
      return t.errShop;
    case 'quantity':
      return code === 'too_big' ? t.errQuantityMax(max) : t.errQuantity;
    case 'name':
      return code === 'too_big' ? t.errNameLong : t.errName;
    case 'email':
      return t.errEmail;
    case 'phone':
      return t.errPhone;
    case 'privacy':
      return t.errPrivacy;
  }
}

const warnIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5l7 12.5H1z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/><path d="M8 6v4M8 11.5v1.2" stroke="currentColor" stroke-width="1.5"/></svg>`;
const clockIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>`;
const calendarIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" stroke-width="1.4"/></svg>`;
