/**
 * The SQLite schema, one migration per version (index + 1 is the version kept in
 * `PRAGMA user_version`). Migrations are history: once released, one is never
 * edited, and their status lists stay literal (a partial index keeps the list it
 * was made with).
 */

import { INSIGHTS_SQLITE_MIGRATION } from './insights.js';

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE city (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
  );
  CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    key_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE products (
    gtin TEXT PRIMARY KEY,
    search TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE inventory (
    store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    sku TEXT NOT NULL,
    gtin TEXT NOT NULL REFERENCES products(gtin),
    quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
    availability TEXT,
    price TEXT NOT NULL,
    currency TEXT NOT NULL,
    pickup_method TEXT,
    pickup_sla TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (store_id, sku),
    UNIQUE (gtin, store_id)
  ) WITHOUT ROWID;
  `,
  // 2: the table is clustered by product, so "which shops have it" reads one contiguous range
  // (the hot path of every product page) instead of one b-tree descent per shop.
  `
  CREATE TABLE inventory_by_product (
    gtin TEXT NOT NULL REFERENCES products(gtin),
    store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    sku TEXT NOT NULL,
    quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
    availability TEXT,
    price TEXT NOT NULL,
    currency TEXT NOT NULL,
    pickup_method TEXT,
    pickup_sla TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (gtin, store_id),
    UNIQUE (store_id, sku)
  ) WITHOUT ROWID;
  INSERT INTO inventory_by_product (gtin, store_id, sku, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at)
    SELECT gtin, store_id, sku, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at FROM inventory;
  DROP TABLE inventory;
  ALTER TABLE inventory_by_product RENAME TO inventory;
  `,
  // 3: click & collect. `held` units stay part of `quantity` until collected.
  `
  ALTER TABLE inventory ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0);
  CREATE TABLE reservations (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    gtin TEXT NOT NULL,
    sku TEXT NOT NULL,
    item_name TEXT NOT NULL,
    price TEXT NOT NULL,
    currency TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    status TEXT NOT NULL CHECK (status IN ('held', 'ready', 'collected', 'cancelled', 'expired')),
    lang TEXT NOT NULL,
    customer_name TEXT,
    customer_email TEXT,
    customer_phone TEXT,
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    ready_from TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT,
    cancel_reason TEXT
  );
  CREATE INDEX reservations_by_store ON reservations (store_id, status, created_at);
  CREATE INDEX reservations_due ON reservations (expires_at) WHERE status IN ('held', 'ready');
  CREATE INDEX reservations_by_contact ON reservations (customer_email) WHERE status IN ('held', 'ready');
  CREATE INDEX reservations_ended ON reservations (ended_at) WHERE customer_email IS NOT NULL;
  CREATE UNIQUE INDEX reservations_active_code ON reservations (store_id, code) WHERE status IN ('held', 'ready');
  CREATE TABLE idempotency_keys (
    key_hash TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
    status INTEGER,
    body TEXT,
    reservation_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    reservation_id TEXT,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
  `,
  // 4: a sender claims mails before sending them, so two processes never send the same one.
  `
  ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
  `,
  // 5: the cap on open holds per e-mail address counts A@x.de and a@x.de as one contact.
  `
  DROP INDEX reservations_by_contact;
  CREATE INDEX reservations_by_contact ON reservations (lower(customer_email)) WHERE status IN ('held', 'ready');
  `,
  // 6: town insights: counts per hour, shop, product and event; passers-by per counting point and hour.
  INSIGHTS_SQLITE_MIGRATION,
  // 7: the shop's dashboard: one-time sign-in links and sessions (secrets stored as SHA-256 only).
  // A session remembers the shop's key hash it began under: rotating the key ends it.
  `
  CREATE TABLE sign_in_tokens (
    token_hash TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE TABLE dashboard_sessions (
    id_hash TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    key_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at);
  CREATE INDEX sign_in_tokens_expiry ON sign_in_tokens (expires_at);
  `,
  // 8: each shop's own title for its article, shown in its offer and its mails.
  `
  ALTER TABLE inventory ADD COLUMN title TEXT;
  `,
  // 9: the town's secrets, made on first use (the key of the reservation links in later mails).
  `
  CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 10: a shop's stock feed: the URL the endpoint fetches on the shop's schedule, the last
  // success's validators (ETag, Last-Modified), the last run's result, and who is fetching it now.
  `
  CREATE TABLE stock_feeds (
    store_id TEXT PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    every_hours INTEGER NOT NULL,
    at TEXT NOT NULL,
    next_run_at TEXT NOT NULL,
    claimed_until TEXT,
    etag TEXT,
    last_modified TEXT,
    last_run TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX stock_feeds_due ON stock_feeds (next_run_at);
  `,
  // 11: the town operator's dashboard sessions, bound to the hash of the admin key they began under.
  `
  CREATE TABLE operator_sessions (
    id_hash TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX operator_sessions_expiry ON operator_sessions (expires_at);
  `,
];
