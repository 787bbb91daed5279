/**
 * The reservation dialog's logic, a lazy chunk: which step the dialog is at,
 * where focus goes, what a failure means for the shopper, the confirmation's
 * QR code and calendar file, and cancelling. The form and its checks
 * (reservation-form.ts), sending at most once (reservation-send.ts) and the
 * templates (dialog-templates.ts) are modules of their own.
 *
 * <citylab-click-collect> renders `render()` inside its native <dialog>.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { CitylabClient, ClientError } from '../../client/client.js';
import type { Availability, Offer, Reservation, ReservationCreate } from '../../contract/schemas.js';
import { emit, emitError } from '../internal/events.js';
import type { Lang } from '../internal/lang.js';
import { PICKUP_EVENT_MINUTES, buildIcs } from './calendar.js';
import { when, whenAgain, type DialogLocale } from './dialog-format.js';
import { dialogCatalogue, type DialogStrings } from './dialog-strings.js';
import { renderDialog, type DialogActions, type DialogStep } from './dialog-templates.js';
import { weekSummary } from './hours-summary.js';
import { reservableOffers } from './offers.js';
import { fieldOf, ReservationForm } from './reservation-form.js';
import { ReservationSender } from './reservation-send.js';

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

export class ReservationFlow implements ReactiveController {
  private step: DialogStep = 'form';
  private readonly form = new ReservationForm(() => ({ gtin: this.availability()?.gtin, offer: this.offer(), lang: this.lang, t: this.t }));
  private readonly sender = new ReservationSender();
  private failure?: { text: string; uncertain: boolean };
  private note = '';
  /** Let the shopper choose another shop (after "sold out" at the shop of this page). */
  private chooseAny = false;
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

  private get locale(): DialogLocale {
    return { t: this.t, lang: this.lang, now: this.ports.now() };
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
    const values = this.form.values;
    if (!offers.some((o) => o.store.id === values.store)) {
      const own = this.ports.store();
      values.store = offers.find((o) => o.store.id === own)?.store.id ?? (offers.length === 1 ? offers[0]!.store.id : '');
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
    this.form.values.store = '';
    this.form.free.clear();
  }

  hostDisconnected(): void {
    this.dropIcs();
  }

  private startAnother(): void {
    this.step = 'form';
    this.form.values.quantity = '1';
    this.form.errors = {};
    this.failure = undefined;
    this.sender.forget();
    this.reservation = undefined;
    this.token = undefined;
    this.earlier = false;
    this.cancelError = '';
    this.chooseAny = false;
    this.dropIcs();
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
    return this.offers().find((o) => o.store.id === this.form.values.store);
  }

  /** The shop of this page takes the reservation: no choice shown. */
  private fixedStore(): boolean {
    const own = this.ports.store();
    return !this.chooseAny && !!own && this.offers().some((o) => o.store.id === own);
  }

  // ---------------------------------------------------------------- sending

  private onInput = (e: Event): void => {
    this.form.input(e.target as HTMLInputElement);
    // The price and the pickup window follow the quantity and the shop.
    this.update();
  };

  private onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    // A second click (or Enter) while the first is on its way sends nothing more.
    if (this.step === 'sending') return;
    const { body, errors } = this.form.validate();
    this.form.errors = errors;
    this.note = '';
    if (!body) {
      this.update();
      await this.ports.host.updateComplete;
      const first = this.form.firstInvalid();
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
    const sent = await this.sender.send(api, body);
    if (sent.result.ok) await this.succeed(sent.result.data, sent.body, sent.earlier);
    else await this.failed(sent.result.error, sent.body);
  };

  private async succeed(r: Reservation, body: ReservationCreate, earlier: boolean): Promise<void> {
    this.reservation = r;
    this.token = r.customer_token;
    this.sentTo = body.customer.email;
    this.earlier = earlier;
    this.step = 'done';
    this.form.errors = {};
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
      emitError(this.ports.host, { kind: 'network', message: `QR code: ${(err as Error).message}` });
    }
  }

  /** What the failure means for the shopper: words, a field to correct, another shop to choose, or "send again". */
  private async failed(error: ClientError, body: ReservationCreate): Promise<void> {
    const t = this.t;
    const offer = this.offer();
    const shop = offer?.store.name ?? body.store;
    const form = this.form;
    this.step = 'form';
    let focus: string | undefined;
    // The outcome is unknown (the request may have arrived): sending again reuses its key.
    const uncertain = this.sender.uncertain;
    if (error.kind === 'network') this.failure = { text: t.failNetwork, uncertain };
    else if (error.kind === 'timeout') this.failure = { text: t.failTimeout, uncertain };
    else if (error.kind === 'invalid-response' || (error.status ?? 0) >= 500) this.failure = { text: t.failServer, uncertain };
    else if (error.code === 'request-in-progress') this.failure = { text: t.failInProgress, uncertain };
    else if (error.code === 'insufficient-stock') {
      const available = error.problem?.available ?? 0;
      form.free.set(body.store, available);
      if (available > 0) {
        this.failure = { text: t.failInsufficient(shop, available), uncertain: false };
        form.errors = { quantity: t.errQuantityFree(shop, available) };
        focus = '#cc-quantity';
      } else {
        this.failure = { text: t.failSoldOut(shop), uncertain: false };
        // Other shops in town may still have it: offer them, and let the shopper choose again.
        this.chooseAny = true;
        if (this.offers().some((o) => o.store.id !== body.store)) {
          form.values.store = '';
          focus = 'input[name="store"]:not(:disabled)';
        }
      }
    } else if (error.code === 'rate-limited' || error.status === 429) {
      this.failure = { text: t.failRateLimited(whenAgain(error.retryAfter ?? 60, this.locale)), uncertain: false };
    } else if (error.code === 'not-reservable' || error.code === 'product-not-found' || error.code === 'store-not-found') {
      this.failure = { text: t.failNotReservable(shop, offer?.store.phone), uncertain: false };
    } else if (error.problem?.errors?.length) {
      for (const e of error.problem.errors) {
        const field = e.path ? fieldOf(e.path) : undefined;
        if (field) form.errors[field] = t.errCheck;
      }
      this.failure = { text: t.failInvalid, uncertain: false };
    } else {
      this.failure = { text: t.failServer, uncertain: false };
    }
    emitError(this.ports.host, error);
    this.update();
    await this.ports.host.updateComplete;
    if (focus) this.$<HTMLElement>(focus)?.focus();
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
      this.dropIcs();
      this.ports.cancelled();
      this.update();
      await this.ports.host.updateComplete;
      this.$<HTMLElement>('#cc-title')?.focus();
      return;
    }
    this.step = 'done';
    this.cancelError = this.t.cancelFailed;
    emitError(this.ports.host, result.error);
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
    this.dropIcs();
    const t = this.t;
    const tz = r.store.time_zone;
    const a = r.store.address;
    const start = new Date(r.ready_from);
    const expires = new Date(r.expires_at);
    const text = buildIcs({
      uid: `${r.id}@citylab`,
      stamp: this.ports.now(),
      // One short event when the article is ready; the hold's end is in its text and in a reminder.
      start,
      end: new Date(start.getTime() + PICKUP_EVENT_MINUTES * 60_000),
      summary: t.calendarSummary(r.quantity, r.item.name, r.store.name),
      location: `${r.store.name}, ${a.street}, ${a.postal_code} ${a.city}`,
      description: [t.calendarDescription(r.code, when(expires, tz, this.locale)), `${t.hours}: ${weekSummary(r.store.opening_hours, t).join('; ')}`].join('\n'),
      alarms: [
        { minutesBeforeStart: 0, description: t.calendarReady(r.store.name) },
        // Two hours before the hold ends, when that is still after the pickup starts.
        ...(expires.getTime() - 2 * 3_600_000 > start.getTime() ? [{ at: new Date(expires.getTime() - 2 * 3_600_000), description: t.calendarAlarm(r.store.name) }] : []),
      ],
    });
    this.ics = { url: URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })), name: t.calendarFile(r.code) };
  }

  /** The calendar file's blob URL is given back once it cannot be downloaded any more. */
  private dropIcs(): void {
    if (this.ics) URL.revokeObjectURL(this.ics.url);
    this.ics = undefined;
  }

  // ----------------------------------------------------------------- render

  private readonly actions: DialogActions = {
    close: () => this.ports.close(),
    submit: this.onSubmit,
    input: this.onInput,
    askCancel: this.askCancel,
    keep: this.keep,
    confirmCancel: this.confirmCancel,
    another: this.another,
  };

  render(): TemplateResult {
    const offers = this.offers();
    return renderDialog({
      ...this.locale,
      step: this.step,
      // The shop's own title for its article where it gave one (the town's name may not be agreed yet).
      product: this.reservation?.item.name ?? this.offer()?.title ?? this.availability()?.product.name ?? '',
      offers,
      offer: this.offer(),
      chooseShop: !this.fixedStore() && offers.length >= 2,
      form: this.form,
      failure: this.failure,
      note: this.note,
      reservation: this.reservation,
      earlier: this.earlier,
      sentTo: this.sentTo,
      cancellable: !!this.token,
      cancelError: this.cancelError,
      ics: this.ics,
      on: this.actions,
    });
  }
}
