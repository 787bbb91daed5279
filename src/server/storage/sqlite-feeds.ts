/** The shops' stock feeds on SQLite (see feeds.ts). */
import type Database from 'better-sqlite3';
import type { FeedStore, StockFeedRecord, StockFeedRunRecord, StockFeedSettingsRecord } from './feeds.js';
import type { OutboxMail } from './types.js';

export class SqliteFeeds implements FeedStore {
  constructor(private readonly db: Database.Database) {}

  async get(storeId: string): Promise<StockFeedRecord | null> {
    return (this.db.prepare('SELECT * FROM stock_feeds WHERE store_id = ?').get(storeId) as StockFeedRecord | undefined) ?? null;
  }

  async put(f: StockFeedSettingsRecord): Promise<StockFeedRecord> {
    return this.db.prepare(
      `INSERT INTO stock_feeds (store_id, url, every_hours, at, next_run_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (store_id) DO UPDATE SET
         etag = CASE WHEN url = excluded.url THEN etag END,
         last_modified = CASE WHEN url = excluded.url THEN last_modified END,
         failures = CASE WHEN url = excluded.url THEN failures ELSE 0 END,
         url = excluded.url, every_hours = excluded.every_hours, at = excluded.at,
         next_run_at = excluded.next_run_at, updated_at = excluded.updated_at, claimed_until = NULL
       RETURNING *`,
    ).get(f.store_id, f.url, f.every_hours, f.at, f.next_run_at, f.updated_at) as StockFeedRecord;
  }

  async remove(storeId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM stock_feeds WHERE store_id = ?').run(storeId).changes > 0;
  }

  async claimDue(now: string, until: string, limit: number): Promise<StockFeedRecord[]> {
    return this.db.prepare(
      `UPDATE stock_feeds SET claimed_until = ? WHERE store_id IN (
         SELECT store_id FROM stock_feeds WHERE next_run_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_run_at LIMIT ?
       ) RETURNING *`,
    ).all(until, now, now, limit) as StockFeedRecord[];
  }

  async finish(run: StockFeedRunRecord, mail: OutboxMail | null): Promise<boolean> {
    return this.db.transaction((): boolean => {
      const v = run.validators;
      const changed = this.db.prepare(
        `UPDATE stock_feeds SET next_run_at = ?, last_run = ?, failures = ?, claimed_until = NULL,
           etag = CASE WHEN ? THEN ? ELSE etag END, last_modified = CASE WHEN ? THEN ? ELSE last_modified END
         WHERE store_id = ? AND url = ? AND claimed_until = ?`,
      ).run(run.next_run_at, run.last_run, run.failures, v ? 1 : 0, v?.etag ?? null, v ? 1 : 0, v?.last_modified ?? null, run.store_id, run.url, run.claimed_until).changes;
      if (!changed) return false;
      if (mail) {
        this.db.prepare('INSERT INTO outbox (reservation_id, kind, recipient, subject, text, lang, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(mail.reservation_id, mail.kind, mail.recipient, mail.subject, mail.text, mail.lang, mail.created_at);
      }
      return true;
    }).immediate();
  }
}
