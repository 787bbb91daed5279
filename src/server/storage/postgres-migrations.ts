/**
 * The PostgreSQL schema, one migration per version (index + 1 is the version
 * recorded in `schema_migrations`). Migrations are history: once released, one
 * is never edited, and their status lists stay literal (a partial index keeps
 * the list it was made with).
 *
 * Timestamps are ISO-8601 UTC text and every text column sorts bytewise
 * (COLLATE "C"), as in SQLite: both backends give byte-identical answers.
 */

import { insightsPostgresMigration } from './insights.js';

/** Data counters are spread over slots so that concurrent writers rarely wait for one row. */
export const DATA_SLOTS = 16;

const T = 'text COLLATE "C"';

export const MIGRATIONS: readonly string[] = [
  // 1: the town, its shops, products and stock (clustered by product: the key is (gtin, store_id)),
  // and the change counters.
  `
  CREATE TABLE city (
    id integer PRIMARY KEY CHECK (id = 1),
    data json NOT NULL
  );
  CREATE TABLE stores (
    id ${T} PRIMARY KEY,
    data json NOT NULL,
    key_hash ${T} UNIQUE,
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL
  );
  CREATE TABLE products (
    gtin ${T} PRIMARY KEY,
    search ${T} NOT NULL,
    data json NOT NULL
  );
  CREATE TABLE inventory (
    gtin ${T} NOT NULL REFERENCES products (gtin),
    store_id ${T} NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    sku ${T} NOT NULL,
    quantity integer CHECK (quantity IS NULL OR quantity >= 0),
    availability ${T},
    price ${T} NOT NULL,
    currency ${T} NOT NULL,
    pickup_method ${T},
    pickup_sla ${T},
    updated_at ${T} NOT NULL,
    PRIMARY KEY (gtin, store_id),
    UNIQUE (store_id, sku)
  );
  CREATE TABLE change_counters (
    slot smallint PRIMARY KEY,
    n bigint NOT NULL DEFAULT 0
  );
  INSERT INTO change_counters (slot) SELECT generate_series(0, ${DATA_SLOTS});
  `,
  // 2: click & collect. \`held\` units stay part of \`quantity\` until collected.
  `
  ALTER TABLE inventory ADD COLUMN held integer NOT NULL DEFAULT 0 CHECK (held >= 0);
  CREATE TABLE reservations (
    id ${T} PRIMARY KEY,
    code ${T} NOT NULL,
    store_id ${T} NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    gtin ${T} NOT NULL,
    sku ${T} NOT NULL,
    item_name text NOT NULL,
    price ${T} NOT NULL,
    currency ${T} NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    status ${T} NOT NULL CHECK (status IN ('held', 'ready', 'collected', 'cancelled', 'expired')),
    lang ${T} NOT NULL,
    customer_name text,
    customer_email ${T},
    customer_phone text,
    token_hash ${T} NOT NULL,
    created_at ${T} NOT NULL,
    ready_from ${T} NOT NULL,
    expires_at ${T} NOT NULL,
    ended_at ${T},
    cancel_reason text
  );
  CREATE INDEX reservations_by_store ON reservations (store_id, status, created_at);
  CREATE INDEX reservations_due ON reservations (expires_at) WHERE status IN ('held', 'ready');
  CREATE INDEX reservations_by_contact ON reservations (customer_email) WHERE status IN ('held', 'ready');
  CREATE INDEX reservations_ended ON reservations (ended_at) WHERE customer_email IS NOT NULL;
  CREATE UNIQUE INDEX reservations_active_code ON reservations (store_id, code) WHERE status IN ('held', 'ready');
  CREATE TABLE idempotency_keys (
    key_hash ${T} PRIMARY KEY,
    request_hash ${T} NOT NULL,
    state ${T} NOT NULL CHECK (state IN ('in_progress', 'done')),
    status integer,
    body text,
    reservation_id ${T},
    created_at ${T} NOT NULL
  );
  CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
  CREATE TABLE outbox (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reservation_id ${T},
    kind ${T} NOT NULL,
    recipient text NOT NULL,
    subject text NOT NULL,
    text text NOT NULL,
    lang ${T} NOT NULL,
    created_at ${T} NOT NULL,
    sent_at ${T},
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    claimed_until ${T}
  );
  CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
  CREATE INDEX outbox_created ON outbox (created_at);
  `,
  // 3: the cap on open holds per e-mail address counts A@x.de and a@x.de as one contact.
  `
  DROP INDEX reservations_by_contact;
  CREATE INDEX reservations_by_contact ON reservations (lower(customer_email)) WHERE status IN ('held', 'ready');
  `,
  // 4: town insights: counts per hour, shop, product and event; passers-by per counting point and hour.
  insightsPostgresMigration(T),
  // 5: the shop's dashboard: one-time sign-in links and sessions (secrets stored as SHA-256 only).
  // A session remembers the shop's key hash it began under: rotating the key ends it.
  `
  CREATE TABLE sign_in_tokens (
    token_hash ${T} PRIMARY KEY,
    store_id ${T} NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    created_at ${T} NOT NULL,
    expires_at ${T} NOT NULL,
    used_at ${T}
  );
  CREATE TABLE dashboard_sessions (
    id_hash ${T} PRIMARY KEY,
    store_id ${T} NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    key_hash ${T} NOT NULL,
    created_at ${T} NOT NULL,
    expires_at ${T} NOT NULL
  );
  CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at);
  CREATE INDEX sign_in_tokens_expiry ON sign_in_tokens (expires_at);
  `,
  // 6: each shop's own title for its article, shown in its offer and its mails.
  `
  ALTER TABLE inventory ADD COLUMN title text;
  `,
  // 7: the town's secrets, made on first use (the key of the reservation links in later mails).
  `
  CREATE TABLE secrets (
    name ${T} PRIMARY KEY,
    value text NOT NULL
  );
  `,
  // 8: a shop's stock feed: the URL the endpoint fetches on the shop's schedule, the last
  // success's validators (ETag, Last-Modified), the last run's result, and who is fetching it now.
  `
  CREATE TABLE stock_feeds (
    store_id ${T} PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
    url text NOT NULL,
    every_hours integer NOT NULL,
    at ${T} NOT NULL,
    next_run_at ${T} NOT NULL,
    claimed_until ${T},
    etag text,
    last_modified text,
    last_run text,
    failures integer NOT NULL DEFAULT 0,
    updated_at ${T} NOT NULL
  );
  CREATE INDEX stock_feeds_due ON stock_feeds (next_run_at);
  `,
  // 9: the town operator's dashboard sessions, bound to the hash of the admin key they began under.
  `
  CREATE TABLE operator_sessions (
    id_hash ${T} PRIMARY KEY,
    key_hash ${T} NOT NULL,
    created_at ${T} NOT NULL,
    expires_at ${T} NOT NULL
  );
  CREATE INDEX operator_sessions_expiry ON operator_sessions (expires_at);
  `,
];
