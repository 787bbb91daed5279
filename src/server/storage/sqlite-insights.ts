/** The insight counts on SQLite (see insights.ts). */
import type Database from 'better-sqlite3';
import type { CountRow, FootfallRow, InsightStore } from './insights.js';

type Raw<T> = Omit<T, 'demo'> & { demo: number };

export class SqliteInsights implements InsightStore {
  constructor(private readonly db: Database.Database) {}

  async add(rows: readonly CountRow[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO insight_counts (hour, store_id, gtin, event, detail, demo, n) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (hour, store_id, gtin, event, detail, demo) DO UPDATE SET n = n + excluded.n`,
    );
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.hour, r.store_id, r.gtin, r.event, r.detail, r.demo ? 1 : 0, r.n);
    }).immediate();
  }

  async read({ fromHour, toHour, storeId }: { fromHour: string; toHour: string; storeId?: string | undefined }): Promise<CountRow[]> {
    const rows = (
      storeId === undefined
        ? this.db.prepare('SELECT * FROM insight_counts WHERE hour >= ? AND hour < ?').all(fromHour, toHour)
        : this.db.prepare('SELECT * FROM insight_counts WHERE store_id = ? AND hour >= ? AND hour < ?').all(storeId, fromHour, toHour)
    ) as Raw<CountRow>[];
    return rows.map((r) => ({ ...r, demo: r.demo === 1 }));
  }

  async putFootfall(rows: readonly FootfallRow[]): Promise<void> {
    const put = this.db.prepare(
      'INSERT INTO footfall (point, hour, n, demo) VALUES (?, ?, ?, ?) ON CONFLICT (point, hour) DO UPDATE SET n = excluded.n, demo = excluded.demo',
    );
    this.db.transaction(() => {
      for (const r of rows) put.run(r.point, r.hour, r.n, r.demo ? 1 : 0);
    }).immediate();
  }

  async readFootfall({ fromHour, toHour }: { fromHour: string; toHour: string }): Promise<FootfallRow[]> {
    const rows = this.db.prepare('SELECT * FROM footfall WHERE hour >= ? AND hour < ? ORDER BY point, hour').all(fromHour, toHour) as Raw<FootfallRow>[];
    return rows.map((r) => ({ ...r, demo: r.demo === 1 }));
  }
}
