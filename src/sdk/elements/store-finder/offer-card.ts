/**
 * One shop in the finder's list: name and price, the stock state in words with
 * its own shape, opening state, pickup promise, how fresh the stock is, the
 * distance, and what the shopper can do (reserve, route, call, website). And the
 * skeleton that holds its place while the list loads.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Offer } from '../../contract/schemas.js';
import { formatAgo, formatDistance, formatPrice } from '../internal/format.js';
import { checkIcon, clockIcon, crossedIcon, halfIcon } from '../internal/icons.js';
import type { Lang } from '../internal/lang.js';
import { readyFromText } from '../internal/when.js';
import { openStatus } from './open-status.js';
import type { FinderStrings } from './strings.js';

export interface OfferCardContext {
  t: FinderStrings;
  lang: Lang;
  /** The shop whose page this is. */
  ownStore: string | undefined;
  /** The moment opening states and freshness are computed for. */
  now: Date;
  reserve: (offer: Offer) => void;
  /** The shopper opened the route, called or went to the shop's website (counted). */
  opened: (offer: Offer, what: 'route-open' | 'call-open' | 'website-open') => void;
}

/** The stock state in words; out of stock but orderable to the shop says so. */
export function stateText(o: Offer, t: FinderStrings): string {
  if (o.availability === 'out_of_stock' && o.pickup.method === 'ship_to_store') return t.orderable;
  return t.state[o.availability];
}

/** `n`: the card's number, the same as its pin's on the map (both count the finder's order from 1). */
export function renderOffer(o: Offer, n: number, { t, lang, ownStore, now, reserve, opened }: OfferCardContext): TemplateResult {
  const s = o.store;
  const own = s.id === ownStore;
  const status = openStatus(s, now, lang, t);
  const pickup =
    o.pickup.method === 'not_supported' ? ''
    : o.pickup.method === 'ship_to_store' || o.availability === 'out_of_stock' || o.availability === 'on_display_to_order' ? (o.pickup.sla ? t.shipIn(o.pickup.sla) : '')
    : readyFromText(s, now, lang);
  const kind = o.availability === 'out_of_stock' && o.pickup.method === 'ship_to_store' ? 'orderable' : o.availability;
  const directions = `https://www.openstreetmap.org/directions?route=%3B${s.location.lat}%2C${s.location.lon}`;
  const geo = `geo:${s.location.lat},${s.location.lon}?q=${s.location.lat},${s.location.lon}(${encodeURIComponent(s.name)})`;
  return html`<li class="offer ${own ? 'own' : ''}" part=${own ? 'offer own-offer' : 'offer'} data-store=${s.id} tabindex="-1" aria-labelledby="n-${s.id}">
    ${own ? html`<div class="line own-row"><span class="own-tag">${t.thisShop}</span></div>` : nothing}
    <div class="head">
      <div class="title"><span class="num ${kind}" aria-hidden="true">${n}</span><h3 class="name" id="n-${s.id}">${s.name}</h3></div>
      <span class="price"><span class="visually-hidden">${t.price}: </span>${formatPrice(o.price.amount, o.price.currency, lang)}</span>
    </div>
    <div class="line state">
      <span class="avail ${kind}" part="availability">${stateIcon(kind)} <span>${stateText(o, t)}${o.quantity !== undefined && o.quantity > 0 ? html`<span class="sep"> · </span><span class="qty">${t.quantity(o.quantity)}</span>` : nothing}</span></span>
    </div>
    <div class="line hours ${status.kind}">${clockIcon} <span>${hoursText(status.text, status.note)}</span></div>
    <div class="line muted pickup">${twoParts(pickup || t.noPickup)}</div>
    <div class="line muted updated"><span>${t.updated} <span class="ago">${formatAgo(new Date(o.updated_at), now, lang)}</span></span></div>
    <div class="line muted">${s.address.street}${o.distance_m !== undefined ? html` · <strong class="distance">${t.away(formatDistance(o.distance_m, lang))}</strong>` : nothing}</div>
    <div class="actions">
      ${o.reservable ? html`<button part="button" type="button" class="primary" aria-label=${t.reserveLabel(s.name)} @click=${() => reserve(o)}>${t.reserve}</button>` : nothing}
      <a href=${directions} target="_blank" rel="noopener noreferrer" aria-label=${t.directionsLabel(s.name)} @click=${() => opened(o, 'route-open')}>${routeIcon} ${t.directions}</a>
      <a href=${geo} class="geo" @click=${() => opened(o, 'route-open')}>${t.mapsApp}</a>
      ${s.phone ? html`<a href="tel:${s.phone.replace(/[^+\d]/g, '')}" aria-label=${t.callLabel(s.name)} @click=${() => opened(o, 'call-open')}>${phoneIcon} ${t.call}</a>` : nothing}
      ${s.website ? html`<a href=${s.website} target="_blank" rel="noopener noreferrer" aria-label=${t.websiteLabel(s.name)} @click=${() => opened(o, 'website-open')}>${t.website}</a>` : nothing}
    </div>
  </li>`;
}

/** "Abholbereit ab morgen, | 09:30 Uhr": on a phone the part after the last comma starts a line of its own (styles.ts). */
function twoParts(text: string): TemplateResult {
  const cut = text.lastIndexOf(', ');
  return cut < 0 ? html`<span>${text}</span>` : html`<span>${text.slice(0, cut + 1)} <span class="second">${text.slice(cut + 2)}</span></span>`;
}

/**
 * "Geschlossen · öffnet morgen um 10:00 Uhr": on a phone the part after the first "·" starts a
 * line of its own, so the line count does not depend on the time of day (the skeleton reserves two).
 */
function hoursText(text: string, note: string | undefined): TemplateResult {
  const [state, ...rest] = [...text.split(' · '), ...(note ? [note] : [])];
  return rest.length ? html`${state} · <span class="next">${rest.join(' · ')}</span>` : html`${state}`;
}

/** Same structure and line count as an offer, so the finder's height doesn't change when data arrives; `own`: the first card of the shop whose page this is, with its badge row. */
export const offerSkeleton = (own: boolean) => html`<li class="offer skeleton ${own ? 'own' : ''}" aria-hidden="true">
  ${own ? html`<div class="line"><span class="bar w25"></span></div>` : nothing}
  <div class="head"><span class="bar w55"></span><span class="bar w18"></span></div>
  <div class="line state"><span class="bar w40"></span></div>
  <div class="line hours"><span class="bar w65"></span></div>
  <div class="line pickup"><span class="bar w45"></span></div>
  <div class="line updated"><span class="bar w60"></span></div>
  <div class="line"><span class="bar w50"></span></div>
  <div class="actions"><span class="bar btn"></span><span class="bar btn"></span></div>
</li>`;

function stateIcon(kind: Offer['availability'] | 'orderable'): TemplateResult {
  // Shapes differ as well as colours: check, half-filled, tag, crossed.
  switch (kind) {
    case 'in_stock':
      return checkIcon;
    case 'limited_availability':
      return halfIcon;
    case 'on_display_to_order':
    case 'orderable':
      return tagIcon;
    default:
      return crossedIcon;
  }
}

const tagIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M2 8.5V2h6.5L15 8.5 8.5 15z" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="5.3" cy="5.3" r="1.3" fill="currentColor"/></svg>`;
const routeIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 13l4-10 2 6 4-3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/></svg>`;
const phoneIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 1.5h3l1 3.5-2 1.2a8 8 0 0 0 4.3 4.3l1.2-2 3.5 1v3c0 .8-.7 1.5-1.5 1.5A12.5 12.5 0 0 1 2 3c0-.8.7-1.5 1.5-1.5z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/></svg>`;
