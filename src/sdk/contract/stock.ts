/**
 * How fresh a shop's stock list is: the shop promises shoppers a list no older
 * than its `stock_promise_hours` (this default unless it says otherwise), and
 * its dashboard warns once the newest row is older. Kept free of zod so the
 * dashboard's stock screen can use it without the schemas.
 */

/** The shop's promise unless it sets its own: the stock list is at most a day old. */
export const STOCK_PROMISE_HOURS = 24;

/** True when the newest update (ISO time) is older than the promise. */
export function stockIsStale(newest: string, promiseHours: number | undefined, now: Date): boolean {
  return now.getTime() - Date.parse(newest) > (promiseHours ?? STOCK_PROMISE_HOURS) * 3_600_000;
}
