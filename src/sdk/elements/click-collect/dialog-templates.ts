/**
 * What the reservation dialog shows, as pure functions of a view the flow
 * (reservation-flow.ts) hands over: the form, the shops to choose from, the
 * pickup window and price, the confirmation with code, QR code and calendar
 * file, the question before cancelling, and the cancelled state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { pickupWindow } from '../../contract/hold-window.js';
import { MAX_RESERVATION_QUANTITY } from '../../contract/reservations.js';
import type { Offer, Reservation } from '../../contract/schemas.js';
import { formatPrice } from '../internal/format.js';
import { clockIcon, warningIcon } from '../internal/icons.js';
import { totalPrice, when, type DialogLocale } from './dialog-format.js';
import { weekSummary } from './hours-summary.js';
import type { Field, ReservationForm } from './reservation-form.js';

export type DialogStep = 'form' | 'sending' | 'done' | 'confirm-cancel' | 'cancelling' | 'cancelled';

export interface DialogActions {
  close: () => void;
  submit: (e: Event) => void;
  input: (e: Event) => void;
  askCancel: () => void;
  keep: () => void;
  confirmCancel: () => void;
  another: () => void;
}

export interface DialogView extends DialogLocale {
  step: DialogStep;
  /** The product's name, under the title. */
  product: string;
  /** The offers the shopper can reserve. */
  offers: readonly Offer[];
  /** The chosen shop's offer. */
  offer: Offer | undefined;
  /** The shopper chooses the shop (else the shop of this page takes the reservation). */
  chooseShop: boolean;
  form: ReservationForm;
  /** Why the last attempt did not go through; `uncertain` when it may have arrived after all. */
  failure?: { text: string; uncertain: boolean };
  /** A quiet line under the form (the page cancelled the reservation). */
  note: string;
  reservation?: Reservation;
  /** The reservation is the one a first, lost request made. */
  earlier: boolean;
  /** The e-mail address the confirmation goes to. */
  sentTo: string;
  /** The shopper's token is there: they may cancel. */
  cancellable: boolean;
  cancelError: string;
  ics?: { url: string; name: string };
  on: DialogActions;
}

export function renderDialog(v: DialogView): TemplateResult {
  const { t } = v;
  let body: TemplateResult;
  switch (v.step) {
    case 'done':
    case 'confirm-cancel':
    case 'cancelling':
      body = renderDone(v);
      break;
    case 'cancelled':
      body = renderCancelled(v);
      break;
    default:
      body = v.offers.length === 0 ? renderUnavailable(v) : renderForm(v);
  }
  const title = v.step === 'cancelled' ? t.cancelledTitle : v.reservation && v.step !== 'form' && v.step !== 'sending' ? t.doneTitle : t.title;
  return html`<div class="sheet">
    <div class="head">
      <div>
        <h2 id="cc-title" tabindex="-1">${title}</h2>
        ${v.product ? html`<p class="subtitle">${v.product}</p>` : nothing}
      </div>
      <button type="button" class="close" part="dialog-button" aria-label=${t.close} @click=${v.on.close}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" stroke-width="1.8"/></svg>
      </button>
    </div>
    ${body}
  </div>`;
}

function renderUnavailable({ t, on }: DialogView): TemplateResult {
  return html`<p class="lead">${t.unavailable}</p>
    <div class="actions"><button type="button" part="dialog-button" class="secondary" @click=${on.close}>${t.close}</button></div>`;
}

function renderForm(v: DialogView): TemplateResult {
  const { t, form, offer, on } = v;
  const values = form.values;
  const e = form.errors;
  const max = form.maxFor(offer);
  const sending = v.step === 'sending';
  const described = (id: Field, ...extra: string[]) => [...extra, e[id] ? `cc-${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const error = (id: Field) =>
    html`<p class="field-error" part="field-error" id="cc-${id}-error" ?hidden=${!e[id]}>${warningIcon} <span>${e[id] ?? ''}</span></p>`;
  const quantity = Number(values.quantity);
  return html`<form part="form" novalidate @submit=${on.submit}>
    ${v.chooseShop ? renderShops(v) : nothing}
    ${offer ? renderSummary(v, offer, Number.isInteger(quantity) && quantity >= 1 && quantity <= max ? quantity : 1) : nothing}

    <div class="field">
      <label for="cc-quantity">${t.quantity}</label>
      <input id="cc-quantity" part="input" class="qty" name="quantity" type="number" inputmode="numeric" min="1" max=${max} step="1" required
        .value=${values.quantity} @input=${on.input}
        aria-invalid=${e.quantity ? 'true' : 'false'} aria-describedby=${described('quantity', 'cc-quantity-hint')} />
      <p class="hint" id="cc-quantity-hint">${t.quantityHint(max, max < MAX_RESERVATION_QUANTITY)}</p>
      ${error('quantity')}
    </div>
    <div class="field">
      <label for="cc-name">${t.name}</label>
      <input id="cc-name" part="input" name="name" type="text" autocomplete="name" required
        .value=${values.name} @input=${on.input} aria-invalid=${e.name ? 'true' : 'false'} aria-describedby=${described('name')} />
      ${error('name')}
    </div>
    <div class="field">
      <label for="cc-email">${t.email}</label>
      <input id="cc-email" part="input" name="email" type="email" autocomplete="email" inputmode="email" required spellcheck="false"
        .value=${values.email} @input=${on.input} aria-invalid=${e.email ? 'true' : 'false'} aria-describedby=${described('email', 'cc-email-hint')} />
      <p class="hint" id="cc-email-hint">${t.emailHint}</p>
      ${error('email')}
    </div>
    <div class="field">
      <label for="cc-phone">${t.phone} <span class="optional">${t.optional}</span></label>
      <input id="cc-phone" part="input" name="phone" type="tel" autocomplete="tel" inputmode="tel"
        .value=${values.phone} @input=${on.input} aria-invalid=${e.phone ? 'true' : 'false'} aria-describedby=${described('phone')} />
      ${error('phone')}
    </div>

    <div class="privacy">
      <p class="privacy-title" id="cc-privacy-title">${t.privacyTitle}</p>
      <p id="cc-privacy-text">${t.privacy(offer?.store.name ?? t.theShop)}</p>
      <label class="check">
        <input id="cc-privacy" name="privacy" type="checkbox" required .checked=${values.privacy} @change=${on.input}
          aria-invalid=${e.privacy ? 'true' : 'false'} aria-describedby=${described('privacy', 'cc-privacy-text')} />
        <span>${t.privacyAccept}</span>
      </label>
      ${error('privacy')}
    </div>

    <div class="failure" part="failure" role="alert">${v.failure ? html`${warningIcon} <span>${v.failure.text}</span>` : nothing}</div>
    <div class="actions">
      <button type="submit" part="submit" class="primary" aria-disabled=${sending ? 'true' : nothing}>
        ${sending ? html`<span class="spinner" aria-hidden="true"></span> ${t.sending}` : v.failure?.uncertain ? t.resend : t.submit}
      </button>
    </div>
    <p class="live" role="status">${sending ? t.sending : v.note}</p>
  </form>`;
}

function renderShops({ t, lang, offers, form, on }: DialogView): TemplateResult {
  const e = form.errors;
  return html`<fieldset class="shops" aria-describedby=${['cc-store-hint', e.store ? 'cc-store-error' : ''].filter(Boolean).join(' ')}>
    <legend>${t.chooseShop}</legend>
    <p class="hint" id="cc-store-hint">${t.chooseShopHint}</p>
    ${offers.map((o) => {
      const sold = form.free.get(o.store.id) === 0;
      return html`<label class="shop">
        <input type="radio" name="store" .value=${o.store.id} .checked=${form.values.store === o.store.id} ?disabled=${sold} @change=${on.input}
          aria-invalid=${e.store ? 'true' : 'false'} />
        <span><strong>${o.store.name}</strong>, ${o.store.address.street}<br />
          <span class="muted">${t.shopOption(formatPrice(o.price.amount, o.price.currency, lang), o.availability === 'limited_availability' ? t.limited : t.inStock)}</span></span>
      </label>`;
    })}
    <p class="field-error" part="field-error" id="cc-store-error" ?hidden=${!e.store}>${warningIcon} <span>${e.store ?? ''}</span></p>
  </fieldset>`;
}

/** The chosen shop, the pickup window the endpoint will hold, and the price. */
function renderSummary(v: DialogView, o: Offer, quantity: number): TemplateResult {
  const { t } = v;
  const s = o.store;
  const w = pickupWindow(s, v.now);
  return html`<div class="summary">
    <p><strong>${s.name}</strong>, ${s.address.street}, ${s.address.postal_code} ${s.address.city}</p>
    <p class="window">${clockIcon} <span>${t.window(when(w.readyFrom, s.time_zone, v), when(w.expiresAt, s.time_zone, v))}</span></p>
    <p class="price"><span class="visually-hidden">${t.price}: </span>${totalPrice(o.price.amount, o.price.currency, quantity, v)} · ${t.payInShop}</p>
  </div>`;
}

function renderDone(v: DialogView): TemplateResult {
  const { t, on } = v;
  const r = v.reservation!;
  const s = r.store;
  const tz = s.time_zone;
  const a = s.address;
  const asking = v.step === 'confirm-cancel' || v.step === 'cancelling';
  return html`<div class="done" part="confirmation">
    <p class="lead">${t.doneLead(r.quantity, r.item.name, s.name)}</p>
    ${v.earlier ? html`<p class="note">${t.earlier}</p>` : nothing}
    <div class="ticket">
      <div>
        <p class="code-label">${t.codeLabel}</p>
        <p class="code" part="code">${r.code}</p>
        <p class="muted">${t.showCode}</p>
      </div>
      <canvas class="qr" part="qr-code" role="img" aria-label=${t.qrLabel(r.code)}></canvas>
    </div>
    <dl class="facts">
      <div><dt>${t.readyFrom}</dt><dd>${when(new Date(r.ready_from), tz, v)}</dd></div>
      <div><dt>${t.heldUntil}</dt><dd>${when(new Date(r.expires_at), tz, v)}</dd></div>
      <div><dt>${t.price}</dt><dd>${totalPrice(r.item.price.amount, r.item.price.currency, r.quantity, v)} · ${t.payInShop}</dd></div>
      <div><dt>${t.shop}</dt><dd>${s.name}<br />${a.street}<br />${a.postal_code} ${a.city}${s.phone
        ? html`<br /><a href="tel:${s.phone.replace(/[^+\d]/g, '')}">${t.call(s.phone)}</a>` : nothing}</dd></div>
      <div><dt>${t.hours}</dt><dd><ul class="hours">${weekSummary(s.opening_hours, t).map((l) => html`<li>${l}</li>`)}</ul></dd></div>
    </dl>
    ${v.sentTo ? html`<p class="muted">${t.mailSent(v.sentTo)}</p>` : nothing}
    ${asking
      ? html`<div class="ask" role="group" aria-labelledby="cc-ask">
          <p id="cc-ask">${t.cancelAsk}</p>
          <div class="actions">
            <button type="button" part="dialog-button" class="danger" @click=${on.confirmCancel} aria-disabled=${v.step === 'cancelling' ? 'true' : nothing}>
              ${v.step === 'cancelling' ? html`<span class="spinner" aria-hidden="true"></span> ${t.cancelling}` : t.cancelYes}
            </button>
            <button type="button" part="dialog-button" id="cc-cancel-no" class="secondary" @click=${on.keep}>${t.cancelNo}</button>
          </div>
        </div>`
      : html`<div class="actions">
          ${v.ics ? html`<a class="button secondary" part="dialog-button" href=${v.ics.url} download=${v.ics.name}>${calendarIcon} ${t.calendar}</a>` : nothing}
          ${v.cancellable ? html`<button type="button" part="dialog-button" id="cc-cancel" class="secondary" @click=${on.askCancel}>${t.cancel}</button>` : nothing}
          <button type="button" part="dialog-button" class="primary" @click=${on.close}>${t.close}</button>
        </div>
        <button type="button" part="dialog-button" class="quiet" @click=${on.another}>${t.another}</button>`}
    <p class="failure" role="alert">${v.cancelError ? html`${warningIcon} <span>${v.cancelError}</span>` : nothing}</p>
  </div>`;
}

function renderCancelled({ t, reservation, on }: DialogView): TemplateResult {
  const r = reservation!;
  return html`<div class="done" part="confirmation">
    <p class="lead">${t.cancelledText(r.code, r.item.name)}</p>
    <div class="actions">
      <button type="button" part="dialog-button" class="secondary" @click=${on.another}>${t.another}</button>
      <button type="button" part="dialog-button" class="primary" @click=${on.close}>${t.close}</button>
    </div>
  </div>`;
}

const calendarIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" stroke-width="1.4"/></svg>`;
