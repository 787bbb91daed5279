/**
 * When a reserved item is ready and until when it is held, from the shop's
 * pickup promise, hold length and opening hours (in its time zone).
 *
 * The browser shows this window in the reservation dialog before anything is
 * sent; the endpoint stores it with the reservation. One implementation for
 * both, so they cannot disagree.
 */
import { openings } from './opening-hours.js';
import type { Store } from './schemas.js';

export interface HoldWindow {
  readyFrom: Date;
  expiresAt: Date;
}

type HoldStore = Pick<Store, 'time_zone' | 'opening_hours' | 'click_and_collect'>;

export function holdWindow(store: HoldStore, now: Date): HoldWindow {
  const promise = new Date(now.getTime() + store.click_and_collect.ready_within_minutes * 60_000);
  const tz = store.time_zone;
  let readyFrom: Date | undefined;
  // Held to closing time on the hold_days-th opening day from then on.
  const days: string[] = [];
  let expiresAt: Date | undefined;
  // Lazily: the generator computes each day's instants only when asked (Intl lookups cost).
  for (const o of openings(store.opening_hours, tz, promise, 60)) {
    if (o.closes.getTime() <= promise.getTime()) continue;
    // Ready at the promise, or when the shop next opens if it is closed then.
    readyFrom ??= o.opens.getTime() > promise.getTime() ? o.opens : promise;
    if (!days.includes(o.date)) days.push(o.date);
    if (days.length > store.click_and_collect.hold_days) break;
    if (days.length === store.click_and_collect.hold_days) expiresAt = o.closes;
  }
  readyFrom ??= promise;
  // A shop without opening hours in the next weeks: hold for whole days instead.
  return { readyFrom, expiresAt: expiresAt ?? new Date(readyFrom.getTime() + store.click_and_collect.hold_days * 86_400_000) };
}

/** The endpoint counts the window from the next full minute ("ready from 12:00"); so does the browser. */
export function nextFullMinute(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
}

/**
 * The pickup window a shopper is told about before reserving, as the endpoint will store it
 * when the reservation is sent now: the finder's card, the button's line and the dialog all
 * state this one (issue 13: "Abholbereit in 1 Tag" in the finder against "ab Do., 3. Dez." in
 * the dialog on a Tuesday evening, when the promise runs into closed hours).
 */
export function pickupWindow(store: HoldStore, now: Date): HoldWindow {
  return holdWindow(store, nextFullMinute(now));
}
