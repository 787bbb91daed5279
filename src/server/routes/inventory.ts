/**
 * A shop's stock list: replaced whole (PUT) or merged by article number (PATCH),
 * as JSON or as a Google local inventory feed, and read back with exact quantities.
 * A list with any bad row is refused whole, naming every line.
 */
import * as z from 'zod/mini';
import { AvailabilityState, Gtin, InventoryResult, InventoryUpload, Money, PickupMethod, PickupSla, type InventoryItem } from 'citylab-sdk/contract';
import { applyInventory } from '../inventory/apply.js';
import { parseInventoryFeed } from '../inventory-feed.js';
import { documented } from '../openapi.js';
import { ProblemError, type ProblemErrors } from '../problem.js';
import type { RouteModuleFactory } from './module.js';
import { StorePath, requireStore } from './stores.js';
import { route, type ApiRoute } from './table.js';

/** A shop's whole stock list in one PUT: 20,000 articles as CSV are about 1.5 MB. */
export const FEED_BODY_LIMIT = 16 * 1024 * 1024;

const StockList = documented(
  z.object({
    items: z.array(
      z.object({
        sku: z.string(),
        gtin: Gtin,
        quantity: z.optional(z.int()),
        /** Units held for reservations, part of `quantity` until collected. */
        held: z.optional(z.int()),
        availability: z.optional(AvailabilityState),
        price: Money,
        pickup_method: z.optional(PickupMethod),
        pickup_sla: z.optional(PickupSla),
        updated_at: z.iso.datetime(),
        /** The shop's own title for the article, when it gave one. */
        title: z.optional(z.string()),
        /** The town's name of the product (what shoppers see when the shop gave no title). */
        product_name: z.optional(z.string()),
      }),
    ),
  }),
  'StockList',
  'The shop\'s own stock list, with exact quantities and the units held for reservations.',
);

const InventoryQuery = z.object({
  /** Check the list and count what would change, change nothing. */
  dry_run: z.optional(z.enum(['1', 'true', '0', 'false'])),
});

const FeedText = z.string();

export const inventoryRoutes: RouteModuleFactory = ({ storage, log, now }) => {
  const upload = (method: 'put' | 'patch', mode: 'replace' | 'merge', operationId: string, summary: string): ApiRoute =>
    route({
      method,
      path: '/v1/stores/{id}/inventory',
      operationId,
      summary,
      description:
        'JSON (`InventoryUpload`), or a CSV / tab-separated file with the column names of Google\'s local inventory feed: store_code, id, gtin, quantity, price, availability, pickup_method, pickup_sla, title, brand (`text/plain` is read as CSV). A file with any bad row is rejected whole with every line number and reason. `?dry_run=1` validates only.',
      tag: 'inventory',
      access: 'shop',
      params: StorePath,
      query: InventoryQuery,
      body: {
        description: 'The stock list',
        content: { 'application/json': InventoryUpload, 'text/csv': FeedText, 'text/tab-separated-values': FeedText, 'text/plain': FeedText },
      },
      bodyLimit: FEED_BODY_LIMIT,
      responses: { 200: { description: 'Applied (or, with dry_run, would be applied).', schema: InventoryResult } },
      problems: ['invalid-feed', 'store-not-found'],
      handle: async (c, { params, query, body }) => {
        const { id } = await requireStore(storage, params.id);
        const dryRun = query.dry_run === '1' || query.dry_run === 'true';
        let items: InventoryItem[];
        let where: (index: number) => { line?: number; path?: string };
        if (body.type === 'application/json') {
          items = body.value.items;
          where = (index) => ({ path: `items.${index}` });
        } else {
          const feed = parseInventoryFeed(body.value, body.type, id);
          if (feed.errors.length) throw feedProblem(feed.errors);
          items = feed.items;
          where = (index) => ({ line: feed.lines[index]! });
        }
        const plan = await applyInventory(storage, { storeId: id, mode, items, dryRun, now: now().toISOString() });
        if (plan.errors.length) {
          throw feedProblem(plan.errors.map((e) => {
            // A row the upload leaves out has no line or index of its own.
            if (e.index < 0) return { path: 'items', reason: e.reason };
            const at = where(e.index);
            return at.line !== undefined ? { line: at.line, field: e.field, reason: e.reason } : { path: `${at.path}.${e.field}`, reason: e.reason };
          }));
        }
        if (!dryRun) log.info('inventory-updated', { store: id, mode, items: items.length });
        const result: InventoryResult = { store_id: id, mode, dry_run: dryRun, received: items.length, ...plan.counts };
        return c.json(result);
      },
    });

  return {
    api: [
      route({
        method: 'get',
        path: '/v1/stores/{id}/inventory',
        operationId: 'getStock',
        summary: 'The shop\'s own stock list, with exact quantities',
        tag: 'inventory',
        access: 'shop',
        params: StorePath,
        responses: { 200: { description: 'The stock list.', schema: StockList } },
        problems: ['store-not-found'],
        handle: async (c, { params }) => {
          const { id } = await requireStore(storage, params.id);
          const rows = await storage.stockOfStore(id);
          return c.json({
            items: rows.map((r) => ({
              sku: r.sku,
              gtin: r.gtin,
              ...(r.quantity !== null ? { quantity: r.quantity, held: r.held ?? 0 } : {}),
              ...(r.availability ? { availability: r.availability } : {}),
              price: { amount: r.price, currency: r.currency },
              ...(r.pickup_method ? { pickup_method: r.pickup_method } : {}),
              ...(r.pickup_sla ? { pickup_sla: r.pickup_sla } : {}),
              updated_at: r.updated_at,
              ...(r.title ? { title: r.title } : {}),
              ...(r.product_name ? { product_name: r.product_name } : {}),
            })),
          }, 200, { 'Cache-Control': 'private, no-store' });
        },
      }),
      upload('put', 'replace', 'replaceStock', 'Replace the shop\'s stock list'),
      upload('patch', 'merge', 'mergeStock', 'Merge into the shop\'s stock list (by article number)'),
    ],
  };
};

function feedProblem(errors: ProblemErrors): ProblemError {
  const lines = errors.filter((e) => e.line !== undefined).map((e) => e.line);
  const where = lines.length ? ` on line${lines.length > 1 ? 's' : ''} ${[...new Set(lines)].slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''}` : '';
  const whereDe = lines.length ? ` in Zeile${lines.length > 1 ? 'n' : ''} ${[...new Set(lines)].slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''}` : '';
  return new ProblemError(
    'invalid-feed',
    {
      en: `The stock list was not applied: ${errors.length} problem${errors.length > 1 ? 's' : ''}${where}. Nothing was changed.`,
      de: `Die Bestandsliste wurde nicht übernommen: ${errors.length} Fehler${whereDe}. Es wurde nichts geändert.`,
    },
    { errors },
  );
}
