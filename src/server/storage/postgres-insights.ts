/** The insight counts on PostgreSQL (see insights.ts). */
import type pg from 'pg';
import { mergeCounts, type CountRow, type FootfallRow, type InsightStore } from './insights.js';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

export class PostgresInsights implements InsightStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(rows: readonly CountRow[]): Promise<void> {
    // Merged and sorted by key: one upsert per row, and two instances lock the same keys in the same order.
    const sorted = mergeCounts(rows);
    for (let i = 0; i < sorted.length; i += BATCH) {
      const batch = sorted.slice(i, i + BATCH);
      const values: unknown[] = [];
      const tuples = batch.map((r, j) => {
        values.push(r.hour, r.store_id, r.gtin, r.event, r.detail, r.demo, r.n);
        const k = j * 7;
        return `($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5}, $${k + 6}, $${k + 7})`;
      });
      await this.pool.query(
        `INSERT INTO insight_counts (hour, store_id, gtin, event, detail, demo, n) VALUES ${tuples.join(', ')}
         ON CONFLICT (hour, store_id, gtin, event, detail, demo) DO UPDATE SET n = insight_counts.n + excluded.n`,
        values,
      );
    }
  }

  async read({ fromHour, toHour, storeId }: { fromHour: string; toHour: string; storeId?: string | undefined }): Promise<CountRow[]> {
    const { rows } =
      storeId === undefined
        ? await this.pool.query('SELECT * FROM insight_counts WHERE hour >= $1 AND hour < $2', [fromHour, toHour])
        : await this.pool.query('SELECT * FROM insight_counts WHERE store_id = $1 AND hour >= $2 AND hour < $3', [storeId, fromHour, toHour]);
    return rows.map((r: CountRow & { n: string }) => ({ ...r, n: Number(r.n) }));
  }

  async putFootfall(rows: readonly FootfallRow[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const values: unknown[] = [];
        const tuples = batch.map((r, j) => {
          values.push(r.point, r.hour, r.n, r.demo);
          return `($${j * 4 + 1}, $${j * 4 + 2}, $${j * 4 + 3}, $${j * 4 + 4})`;
        });
        await client.query(
          `INSERT INTO footfall (point, hour, n, demo) VALUES ${tuples.join(', ')}
           ON CONFLICT (point, hour) DO UPDATE SET n = excluded.n, demo = excluded.demo`,
          values,
        );
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async readFootfall({ fromHour, toHour }: { fromHour: string; toHour: string }): Promise<FootfallRow[]> {
    const { rows } = await this.pool.query('SELECT * FROM footfall WHERE hour >= $1 AND hour < $2 ORDER BY point, hour', [fromHour, toHour]);
    return rows as FootfallRow[];
  }
}
