/**
 * Shop profiles: defaults for a new shop and how a shop's edit is applied.
 * Shared by every storage backend.
 */
import type { OpeningHours, Product, Store, StoreCreate, StorePatch } from 'citylab-sdk/contract';

const CLOSED_WEEK: OpeningHours = {
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  special_days: [],
};

/** Turns an operator's `POST /v1/stores` body into a full shop with defaults. */
export function newStore(input: StoreCreate, id: string, defaults: { time_zone: string }, now: string): Store {
  return {
    ...input,
    id,
    time_zone: input.time_zone ?? defaults.time_zone,
    opening_hours: input.opening_hours ?? CLOSED_WEEK,
    click_and_collect: input.click_and_collect ?? { enabled: false, ready_within_minutes: 120, hold_days: 2 },
    show_quantities: input.show_quantities ?? false,
    low_stock_threshold: input.low_stock_threshold ?? 2,
    updated_at: now,
  };
}

/** "Café & Bücher am Markt" → "cafe-buecher-am-markt". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '') || 'shop';
}

/** Applies a profile patch: `null` removes an optional field, an absent key keeps it. */
/** A shop's own change, or the operator's pausing (`paused: null` resumes). */
export type StoreChange = StorePatch & { paused?: true | null };

export function applyStorePatch(store: Store, patch: StoreChange, now: string): Store {
  const next: Record<string, unknown> = { ...store };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  next.updated_at = now;
  return next as Store;
}

/** What product search matches: the town's name only once someone named the product (never the neutral "Artikel …"). */
export function productSearchText(p: Pick<Product, 'name' | 'named_by' | 'brand' | 'gtin'>): string {
  return `${p.named_by ? p.name : ''} ${p.brand ?? ''} ${p.gtin}`.toLowerCase();
}
