/**
 * Background work of the endpoint: expiring holds (releasing their stock),
 * erasing personal data on schedule, and delivering the mail outbox.
 */
import type { Logger } from '../log.js';
import type { Storage } from '../storage/types.js';
import { reservationMails, type Mailer } from './mail.js';
import { countReservationEvent } from '../insights/server-events.js';
import { expireDue } from './service.js';

export interface JobOptions {
  storage: Storage;
  mailer?: Mailer | undefined;
  log: Logger;
  now?: () => Date;
  /** Days after a reservation ends until its personal data is erased (default 30). */
  retentionDays?: number;
  intervalMs?: number;
}

/** One round: expire due holds, erase what is past retention, send mail. */
export async function sweep({ storage, mailer, log, now = () => new Date(), retentionDays = 30 }: JobOptions): Promise<{ expired: number; erased: number; sent: number }> {
  const at = now();
  const stores = new Map((await storage.listStores()).map((s) => [s.id, s]));
  const expired = await expireDue(storage, at.toISOString(), (r) => {
    const store = stores.get(r.store_id);
    // An ended reservation has nothing left to view or cancel: the mail names the shop, without a link.
    return store ? reservationMails('customer-expired', r, store, '', at.toISOString()) : [];
  });
  await countReservationEvent(storage, 'expired', expired, (id) => stores.get(id), at);
  const purged = await storage.purge({
    personalBefore: new Date(at.getTime() - retentionDays * 86_400_000).toISOString(),
    // Idempotency keys are kept at least 24 hours (as the IETF draft asks); 48 to be safe.
    keysBefore: new Date(at.getTime() - 48 * 3_600_000).toISOString(),
  });
  const sent = mailer ? await mailer.flush() : 0;
  if (expired.length || purged.erased || sent) log.info('sweep', { expired: expired.length, erased: purged.erased, mails_deleted: purged.mails, keys_deleted: purged.keys, sent });
  return { expired: expired.length, erased: purged.erased, sent };
}

/** Starts the rounds; the returned function stops them and resolves once a round under way has finished. */
export function startJobs(options: JobOptions): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= sweep(options)
      .then(() => undefined, (err: unknown) => options.log.error('sweep-failed', { message: (err as Error).message }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
