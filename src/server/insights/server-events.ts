/**
 * What the endpoint counts itself, from what it does: a reservation made, one
 * collected, one expired (a no-show). Counted after the change committed, by
 * the one request or sweep that made it, so each is counted once.
 */
import type { Store } from 'citylab-sdk/contract';
import type { Storage } from '../storage/types.js';
import type { ReservationRecord } from '../storage/types.js';
import { countRow, countsFor, hourOf } from './collector.js';

export async function countReservationEvent(
  storage: Storage,
  event: 'reserved' | 'collected' | 'expired',
  records: readonly ReservationRecord[],
  storeOf: (id: string) => Pick<Store, 'insights'> | undefined,
  at: Date,
): Promise<void> {
  const rows = records.filter((r) => countsFor(storeOf(r.store_id))).map((r) => ({ ...countRow(hourOf(at), event, r.store_id, r.gtin), n: 1 }));
  if (rows.length) await storage.insights.add(rows);
}
