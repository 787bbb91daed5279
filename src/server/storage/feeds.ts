/**
 * A shop's stock feed as stored (one per shop): the URL and schedule it set,
 * the validators of the last successful fetch, the last run's result (JSON, see
 * ../inventory-feed-job.ts), how many runs in a row failed, and the claim of the
 * process fetching it now. Claiming works as the mail outbox does: a due feed is
 * handed to one process for a while, however many run.
 */
import type { OutboxMail } from './types.js';

export interface StockFeedRecord {
  store_id: string;
  url: string;
  every_hours: number;
  /** "HH:MM" in the shop's time zone: the first fetch of the day. */
  at: string;
  next_run_at: string;
  claimed_until: string | null;
  etag: string | null;
  last_modified: string | null;
  /** The last run's result as JSON; null before the first run. */
  last_run: string | null;
  failures: number;
  updated_at: string;
}

export interface StockFeedSettingsRecord {
  store_id: string;
  url: string;
  every_hours: number;
  at: string;
  next_run_at: string;
  updated_at: string;
}

export interface StockFeedRunRecord {
  store_id: string;
  /** The URL and claim the run was made under: a feed changed meanwhile keeps its new settings. */
  url: string;
  claimed_until: string;
  next_run_at: string;
  last_run: string;
  failures: number;
  /** Given after a success: the validators sent with the next fetch. */
  validators?: { etag: string | null; last_modified: string | null };
}

export interface FeedStore {
  get(storeId: string): Promise<StockFeedRecord | null>;
  /**
   * Sets the shop's feed; any claim is dropped, so the next round fetches with the new settings.
   * A new URL forgets the old one's validators and failure streak.
   */
  put(feed: StockFeedSettingsRecord): Promise<StockFeedRecord>;
  /** False when the shop had none. */
  remove(storeId: string): Promise<boolean>;
  /** Claims up to `limit` feeds due at `now` until `until`: each is handed to one process. */
  claimDue(now: string, until: string, limit: number): Promise<StockFeedRecord[]>;
  /**
   * Records a run, and queues `mail` in the same transaction, if the claim still holds (same
   * URL and claim); false when the feed was changed or removed meanwhile (nothing is written).
   */
  finish(run: StockFeedRunRecord, mail: OutboxMail | null): Promise<boolean>;
}
