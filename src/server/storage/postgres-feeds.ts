/** The shops' stock feeds on PostgreSQL (see feeds.ts). */
import type pg from 'pg';
import type { FeedStore, StockFeedRecord, StockFeedRunRecord, StockFeedSettingsRecord } from './feeds.js';
import type { OutboxMail } from './types.js';

export class PostgresFeeds implements FeedStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(storeId: string): Promise<StockFeedRecord | null> {
    return (await this.pool.query<StockFeedRecord>('SELECT * FROM stock_feeds WHERE store_id = $1', [storeId])).rows[0] ?? null;
  }

  async put(f: StockFeedSettingsRecord): Promise<StockFeedRecord> {
    const { rows } = await this.pool.query<StockFeedRecord>(
      `INSERT INTO stock_feeds (store_id, url, every_hours, at, next_run_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (store_id) DO UPDATE SET
         etag = CASE WHEN stock_feeds.url = excluded.url THEN stock_feeds.etag END,
         last_modified = CASE WHEN stock_feeds.url = excluded.url THEN stock_feeds.last_modified END,
         failures = CASE WHEN stock_feeds.url = excluded.url THEN stock_feeds.failures ELSE 0 END,
         url = excluded.url, every_hours = excluded.every_hours, at = excluded.at,
         next_run_at = excluded.next_run_at, updated_at = excluded.updated_at, claimed_until = NULL
       RETURNING *`,
      [f.store_id, f.url, f.every_hours, f.at, f.next_run_at, f.updated_at],
    );
    return rows[0]!;
  }

  async remove(storeId: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM stock_feeds WHERE store_id = $1', [storeId])).rowCount ?? 0) > 0;
  }

  async claimDue(now: string, until: string, limit: number): Promise<StockFeedRecord[]> {
    // A row another process is claiming is skipped; once it commits, its claim keeps the row out.
    const { rows } = await this.pool.query<StockFeedRecord>(
      `UPDATE stock_feeds SET claimed_until = $1 WHERE store_id IN (
         SELECT store_id FROM stock_feeds WHERE next_run_at <= $2 AND (claimed_until IS NULL OR claimed_until <= $2)
         ORDER BY next_run_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ) RETURNING *`,
      [until, now, limit],
    );
    return rows;
  }

  async finish(run: StockFeedRunRecord, mail: OutboxMail | null): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const v = run.validators;
      const { rowCount } = await client.query(
        `UPDATE stock_feeds SET next_run_at = $1, last_run = $2, failures = $3, claimed_until = NULL,
           etag = CASE WHEN $4 THEN $5 ELSE etag END, last_modified = CASE WHEN $4 THEN $6 ELSE last_modified END
         WHERE store_id = $7 AND url = $8 AND claimed_until = $9`,
        [run.next_run_at, run.last_run, run.failures, v !== undefined, v?.etag ?? null, v?.last_modified ?? null, run.store_id, run.url, run.claimed_until],
      );
      if (rowCount && mail) {
        await client.query('INSERT INTO outbox (reservation_id, kind, recipient, subject, text, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          mail.reservation_id, mail.kind, mail.recipient, mail.subject, mail.text, mail.lang, mail.created_at,
        ]);
      }
      await client.query('COMMIT');
      return Boolean(rowCount);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
