/**
 * A shop's stock feed: the address of its stock list that the endpoint fetches
 * on a schedule (as Google Merchant Center's scheduled fetch), and the last
 * run's result. See src/server/inventory-feed-job.ts.
 */
import * as z from 'zod/mini';
import { named } from './named.js';

const FeedTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time like "06:00"'));

/** Body of `PUT /v1/stores/{id}/inventory/feed`. */
export const StockFeedSettings = named(
  z.strictObject({
    /** The stock list's address (https; the columns of an upload). */
    url: z.string().check(z.maxLength(2000)),
    /** Fetched every this many hours (24: once a day). */
    every_hours: z.int().check(z.gte(1), z.lte(24)),
    /** The day's first fetch, in the shop's time zone; then every `every_hours` until midnight. */
    at: FeedTime,
  }),
  'StockFeedSettings',
  'Where the shop\'s stock list is and when the endpoint fetches it.',
);

export const FeedRunOutcome = z.enum(['applied', 'unchanged', 'failed']);

/** Why a run failed before its file could be read. */
export const FeedFetchFailure = z.enum(['address', 'status', 'too-large', 'timeout', 'network', 'redirects']);

export const StockFeedRun = named(
  z.object({
    at: z.iso.datetime(),
    outcome: FeedRunOutcome,
    /** Rows in the file (applied). */
    received: z.optional(z.int()),
    updated: z.optional(z.int()),
    created: z.optional(z.int()),
    removed: z.optional(z.int()),
    /** failed: why the file could not be fetched… */
    fetch_failure: z.optional(FeedFetchFailure),
    /** …the HTTP status the server answered with (fetch_failure "status")… */
    http_status: z.optional(z.int()),
    /** …or the file's problems by line (nothing was applied). */
    errors: z.optional(z.array(z.object({ line: z.optional(z.int()), field: z.optional(z.string()), path: z.optional(z.string()), reason: z.string() }))),
  }),
  'StockFeedRun',
  'One fetch of the shop\'s stock feed: applied (with counts), unchanged (304), or failed (why, or the problems by line; nothing was changed).',
);

export const StockFeed = named(
  z.object({
    url: z.string(),
    every_hours: z.int(),
    at: z.string(),
    next_run_at: z.iso.datetime(),
    last_run: z.optional(StockFeedRun),
    /** When the feed last applied or confirmed (304) the stock list. */
    last_success_at: z.optional(z.iso.datetime()),
  }),
  'StockFeed',
  'The shop\'s stock feed: its schedule and its last run.',
);

export const StockFeedAnswer = named(z.object({ feed: z.nullable(StockFeed) }), 'StockFeedAnswer', 'The shop\'s stock feed, or null when it has none.');

export type StockFeedSettings = z.infer<typeof StockFeedSettings>;
export type StockFeedRun = z.infer<typeof StockFeedRun>;
export type StockFeed = z.infer<typeof StockFeed>;
export type FeedFetchFailure = z.infer<typeof FeedFetchFailure>;
