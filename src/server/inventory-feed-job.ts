/**
 * The scheduled fetch of shops' stock feeds (as Google Merchant Center's): each
 * round claims the feeds that are due (one process per feed, however many run),
 * fetches each with the last success's ETag / Last-Modified (inventory-fetch.ts),
 * and reads and applies the file as an upload in replace mode (the same reader
 * and the same rule, which refuses to lose held units). A 304 is "unchanged".
 * The result is stored for the stock screen; the first failure of a streak is
 * mailed to the shop, the next ones are not.
 */
import { addDays, wallClock, zonedInstant, type Store, type StockFeed, type StockFeedRun } from 'citylab-sdk/contract';
import { applyInventory } from './inventory/apply.js';
import { parseInventoryFeed } from './inventory-feed.js';
import { FeedFetchError, fetchFeed } from './inventory-fetch.js';
import type { Logger } from './log.js';
import type { Mailer } from './reservations/mail.js';
import type { StockFeedRecord } from './storage/feeds.js';
import type { OutboxMail, Storage } from './storage/types.js';

/** How long a claimed feed is left to its process (fetch ≤ 30 s, then reading and applying). */
export const FEED_CLAIM_MS = 5 * 60_000;
/** Feeds one round claims: 5 × 30 s stays well inside FEED_CLAIM_MS. */
const FEEDS_PER_ROUND = 5;
/** Problems kept with a failed run (the stock screen lists them; the file has them all). */
const KEPT_ERRORS = 50;

export interface FeedJobOptions {
  storage: Storage;
  mailer?: Mailer | undefined;
  log: Logger;
  /** CITYLAB_PUBLIC_URL: the failure mail links the dashboard's stock screen. */
  publicUrl: string;
  /** CITYLAB_FEED_ALLOW_PRIVATE: fetch loopback and private addresses, and http (tests only). */
  allowPrivate: boolean;
  now?: () => Date;
  intervalMs?: number;
}

/** The next fetch after `after`: at `at`, then every `every_hours` until midnight, in the shop's time zone. */
export function nextRun(schedule: { every_hours: number; at: string }, timeZone: string, after: Date): Date {
  const [h, m] = schedule.at.split(':').map(Number) as [number, number];
  const today = wallClock(after, timeZone);
  for (const day of [addDays(today, -1), today, addDays(today, 1), addDays(today, 2)]) {
    for (let minutes = h * 60 + m; minutes < 24 * 60; minutes += schedule.every_hours * 60) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const at = zonedInstant(day, time, timeZone);
      if (at > after) return at;
    }
  }
  return new Date(after.getTime() + schedule.every_hours * 3_600_000);
}

interface StoredRun {
  run: StockFeedRun;
  last_success_at?: string;
}

/** The feed as the API shows it. */
export function feedView(record: StockFeedRecord): StockFeed {
  const stored = record.last_run ? (JSON.parse(record.last_run) as StoredRun) : undefined;
  return {
    url: record.url,
    every_hours: record.every_hours,
    at: record.at,
    next_run_at: record.next_run_at,
    ...(stored ? { last_run: stored.run } : {}),
    ...(stored?.last_success_at ? { last_success_at: stored.last_success_at } : {}),
  };
}

/** Fetches, reads and applies one claimed feed; returns the run (not yet stored) and the new validators on success. */
async function runFeed(storage: Storage, feed: StockFeedRecord, at: Date, allowPrivate: boolean): Promise<{ run: StockFeedRun; validators?: { etag: string | null; last_modified: string | null } }> {
  const base = { at: at.toISOString() };
  let answer;
  try {
    answer = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.last_modified }, { allowPrivate });
  } catch (err) {
    const e = err instanceof FeedFetchError ? err : new FeedFetchError('network', (err as Error).message);
    return { run: { ...base, outcome: 'failed', fetch_failure: e.failure, ...(e.httpStatus ? { http_status: e.httpStatus } : {}) } };
  }
  if (answer.status === 304) return { run: { ...base, outcome: 'unchanged' } };
  const parsed = parseInventoryFeed(answer.text, answer.mediaType, feed.store_id);
  if (parsed.errors.length) return { run: { ...base, outcome: 'failed', errors: parsed.errors.slice(0, KEPT_ERRORS) } };
  const plan = await applyInventory(storage, { storeId: feed.store_id, mode: 'replace', items: parsed.items, dryRun: false, now: at.toISOString() });
  if (plan.errors.length) {
    const errors = plan.errors.slice(0, KEPT_ERRORS).map((e) => (e.index < 0 ? { path: 'items', reason: e.reason } : { line: parsed.lines[e.index]!, field: e.field, reason: e.reason }));
    return { run: { ...base, outcome: 'failed', errors } };
  }
  return {
    run: { ...base, outcome: 'applied', received: parsed.items.length, updated: plan.counts.updated, created: plan.counts.created, removed: plan.counts.removed },
    validators: { etag: answer.etag, last_modified: answer.lastModified },
  };
}

/** The mail of a failure streak's first run, to the shop's notification address (German, as the shop's mails are). */
export function feedFailureMail(store: Store, feed: StockFeedRecord, run: StockFeedRun, link: string): OutboxMail | null {
  if (!store.email) return null;
  const why = run.fetch_failure
    ? {
        address: 'Die Adresse ist keine öffentliche https-Adresse.',
        status: `Der Server antwortete mit dem Status ${run.http_status ?? ''}.`,
        'too-large': 'Die Datei ist größer als 16 MB.',
        timeout: 'Der Server hat nicht innerhalb von 30 Sekunden geantwortet.',
        network: 'Der Server war nicht erreichbar.',
        redirects: 'Die Adresse leitet zu oft weiter.',
      }[run.fetch_failure]
    : `Die Datei hat ${run.errors?.length ?? 0} Fehler${run.errors?.length ? ':' : '.'}`;
  const lines = (run.errors ?? []).slice(0, 10).map((e) => `- ${e.line ? `Zeile ${e.line}` : 'Datei'}${e.field ? `, Spalte ${e.field}` : ''}: ${e.reason}`);
  return {
    reservation_id: null,
    kind: 'stock-feed-failed',
    recipient: store.email,
    lang: 'de',
    created_at: run.at,
    subject: `Bestandsliste nicht übernommen: ${store.name}`,
    text: [
      'Guten Tag,', '',
      `der Bestand von ${store.name} konnte nicht von ${feed.url} abgerufen und übernommen werden. Es wurde nichts geändert.`, '',
      why, ...lines, '',
      'Bitte prüfen Sie die Datei oder die Adresse im Dashboard:', link, '',
      'Solange der Abruf fehlschlägt, schreiben wir Ihnen nicht erneut. Sobald er wieder gelingt, sehen Sie das im Dashboard.',
    ].join('\n'),
  };
}

/** One round: every due feed claimed, fetched, applied and recorded. Returns the runs recorded. */
export async function runDueFeeds({ storage, mailer, log, publicUrl, allowPrivate, now = () => new Date() }: FeedJobOptions): Promise<StockFeedRun[]> {
  const at = now();
  // A few at a time: each may take its 30 s, and all of a round's must end within their claim.
  const claimed = await storage.feeds.claimDue(at.toISOString(), new Date(at.getTime() + FEED_CLAIM_MS).toISOString(), FEEDS_PER_ROUND);
  const runs: StockFeedRun[] = [];
  let mailed = false;
  for (const feed of claimed) {
    const store = await storage.getStore(feed.store_id);
    if (!store) continue;
    const { run, validators } = await runFeed(storage, feed, at, allowPrivate);
    const previous = feed.last_run ? (JSON.parse(feed.last_run) as StoredRun) : undefined;
    const failed = run.outcome === 'failed';
    const stored: StoredRun = { run, ...(failed ? (previous?.last_success_at ? { last_success_at: previous.last_success_at } : {}) : { last_success_at: run.at }) };
    const mail = failed && feed.failures === 0 ? feedFailureMail(store, feed, run, `${publicUrl}/dashboard/#stock`) : null;
    const recorded = await storage.feeds.finish(
      {
        store_id: feed.store_id,
        url: feed.url,
        claimed_until: feed.claimed_until!,
        next_run_at: nextRun(feed, store.time_zone, at).toISOString(),
        last_run: JSON.stringify(stored),
        failures: failed ? feed.failures + 1 : 0,
        ...(validators ? { validators } : {}),
      },
      mail,
    );
    if (!recorded) continue;
    mailed ||= mail !== null;
    runs.push(run);
    // The shop and the outcome; never the feed's address (it may carry a token).
    log.info('stock-feed', { store: feed.store_id, outcome: run.outcome, ...(run.fetch_failure ? { failure: run.fetch_failure } : {}), ...(run.errors ? { problems: run.errors.length } : {}) });
  }
  if (mailed) await mailer?.flush().catch(() => undefined);
  return runs;
}

export interface FeedJobs {
  /** A round now (a shop pressed "Jetzt abrufen"); one under way is not doubled, its feeds are claimed. */
  runNow(): void;
  /** Stops the rounds once a round under way has finished. */
  stop(): Promise<void>;
}

/** Starts the rounds (every minute by default). */
export function startFeedJobs(options: FeedJobOptions): FeedJobs {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= runDueFeeds(options)
      .then(() => undefined, (err: unknown) => options.log.error('stock-feed-round-failed', { message: (err as Error).message }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  let again = false;
  return {
    runNow() {
      // A round under way may have claimed before the feed was made due: one more follows it.
      if (running) {
        if (!again) {
          again = true;
          void running.then(() => {
            again = false;
            tick();
          });
        }
      } else tick();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
