/**
 * Where the town's insight counts live: counts per UTC hour, shop, product and
 * event, and the passers-by the town imports per counting point and hour. No
 * column can hold anything about a person: the rows are keyed by what was
 * counted, never by who.
 */
import type { InsightEvent } from 'citylab-sdk/contract';

export interface CountRow {
  /** The UTC hour, `YYYY-MM-DDTHH`. */
  hour: string;
  /** '' when the event is about no shop (a product viewed). */
  store_id: string;
  /** '' when the event is about no product. */
  gtin: string;
  event: InsightEvent;
  /** The reason class of an AR failure; '' otherwise. */
  detail: string;
  /** Generated demo figures, marked so the dashboard can say so. */
  demo: boolean;
  n: number;
}

export interface FootfallRow {
  point: string;
  /** The UTC hour, `YYYY-MM-DDTHH`. */
  hour: string;
  n: number;
  demo: boolean;
}

export interface InsightStore {
  /** Adds the counts (rows with the same key are summed). */
  add(rows: readonly CountRow[]): Promise<void>;
  /** Rows in [fromHour, toHour), of one shop when given (its shop-less rows are not its own). */
  read(query: { fromHour: string; toHour: string; storeId?: string | undefined }): Promise<CountRow[]>;
  /** Replaces the counts of the points and hours given, all in one transaction. */
  putFootfall(rows: readonly FootfallRow[]): Promise<void>;
  readFootfall(query: { fromHour: string; toHour: string }): Promise<FootfallRow[]>;
}

/** Rows with the same key summed into one (a database upsert may touch each row once per statement), in key order. */
export function mergeCounts(rows: readonly CountRow[]): CountRow[] {
  const merged = new Map<string, CountRow>();
  for (const r of rows) {
    const key = `${r.hour}\u0000${r.store_id}\u0000${r.gtin}\u0000${r.event}\u0000${r.detail}\u0000${r.demo}`;
    const seen = merged.get(key);
    if (seen) seen.n += r.n;
    else merged.set(key, { ...r });
  }
  // The default sort compares UTF-16 code units, as COLLATE "C" and SQLite's BINARY do.
  return [...merged.keys()].sort().map((key) => merged.get(key)!);
}

export const INSIGHTS_SQLITE_MIGRATION = `
  CREATE TABLE insight_counts (
    hour TEXT NOT NULL,
    store_id TEXT NOT NULL,
    gtin TEXT NOT NULL,
    event TEXT NOT NULL,
    detail TEXT NOT NULL,
    demo INTEGER NOT NULL,
    n INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (hour, store_id, gtin, event, detail, demo)
  ) WITHOUT ROWID;
  CREATE INDEX insight_counts_by_store ON insight_counts (store_id, hour);
  CREATE TABLE footfall (
    point TEXT NOT NULL,
    hour TEXT NOT NULL,
    n INTEGER NOT NULL CHECK (n >= 0),
    demo INTEGER NOT NULL,
    PRIMARY KEY (point, hour)
  ) WITHOUT ROWID;
`;

export const insightsPostgresMigration = (T: string) => `
  CREATE TABLE insight_counts (
    hour ${T} NOT NULL,
    store_id ${T} NOT NULL,
    gtin ${T} NOT NULL,
    event ${T} NOT NULL,
    detail ${T} NOT NULL,
    demo boolean NOT NULL,
    n bigint NOT NULL CHECK (n >= 0),
    PRIMARY KEY (hour, store_id, gtin, event, detail, demo)
  );
  CREATE INDEX insight_counts_by_store ON insight_counts (store_id, hour);
  CREATE TABLE footfall (
    point ${T} NOT NULL,
    hour ${T} NOT NULL,
    n integer NOT NULL CHECK (n >= 0),
    demo boolean NOT NULL,
    PRIMARY KEY (point, hour)
  );
`;
