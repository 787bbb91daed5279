/**
 * A shop's stock feed: the address of its stock list that the endpoint fetches on
 * the shop's schedule (inventory-feed-job.ts), and the last run's result. Setting
 * an address the endpoint will not fetch (not https, or a loopback, private or
 * link-local one) is refused at once, naming the field; nothing changes.
 */
import { StockFeed, StockFeedAnswer, StockFeedSettings } from 'citylab-sdk/contract';
import { feedView } from '../inventory-feed-job.js';
import { refuseFeedUrl } from '../inventory-fetch.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from './module.js';
import { StorePath, requireStore } from './stores.js';
import { route } from './table.js';

const PATH = '/v1/stores/{id}/inventory/feed';

export const stockFeedRoutes: RouteModuleFactory = ({ storage, now, options }) => {
  const allowPrivate = options.feeds?.allowPrivate ?? false;
  return {
    api: [
      route({
        method: 'get',
        path: PATH,
        operationId: 'getStockFeed',
        summary: 'The shop\'s stock feed and its last run',
        tag: 'inventory',
        access: 'shop',
        params: StorePath,
        responses: { 200: { description: 'The feed, or `feed: null` when the shop has none.', schema: StockFeedAnswer } },
        problems: ['store-not-found'],
        handle: async (c, { params }) => {
          const { id } = await requireStore(storage, params.id);
          const feed = await storage.feeds.get(id);
          return c.json({ feed: feed ? feedView(feed) : null }, 200, { 'Cache-Control': 'private, no-store' });
        },
      }),
      route({
        method: 'put',
        path: PATH,
        operationId: 'setStockFeed',
        summary: 'Set the address and schedule of the shop\'s stock feed',
        description:
          'The endpoint fetches the address at `at` (the shop\'s time zone) and then every `every_hours` hours until midnight, sending the last success\'s ETag and Last-Modified; the file is read as an upload (`PUT …/inventory`, replace mode). Only https addresses of public hosts are fetched: one that is not, or whose host resolves to a loopback, private, link-local, CGNAT or multicast address, is refused with the field `url` named. The first fetch follows within a minute.',
        tag: 'inventory',
        access: 'shop',
        params: StorePath,
        body: { description: 'The feed\'s address and schedule', content: { 'application/json': StockFeedSettings } },
        responses: { 200: { description: 'The feed as set.', schema: StockFeed } },
        problems: ['store-not-found'],
        handle: async (c, { params, body }) => {
          const store = await requireStore(storage, params.id);
          const settings = body.value;
          const refused = await refuseFeedUrl(settings.url, allowPrivate);
          if (refused) {
            throw new ProblemError(
              'validation-failed',
              {
                en: `The feed address is not valid: url: ${refused}. Give a public https address of your stock list. Nothing was changed.`,
                de: `Die Adresse des Bestands-Feeds ist nicht gültig (url): Der Server ruft nur öffentliche https-Adressen ab, keine lokalen oder internen. Es wurde nichts geändert.`,
              },
              { errors: [{ path: 'url', reason: refused }] },
            );
          }
          const at = now();
          const record = await storage.feeds.put({
            store_id: store.id,
            url: settings.url,
            every_hours: settings.every_hours,
            at: settings.at,
            // The first fetch at once (the next round); then on the schedule.
            next_run_at: at.toISOString(),
            updated_at: at.toISOString(),
          });
          return c.json(feedView(record));
        },
      }),
      route({
        method: 'post',
        path: `${PATH}/run`,
        operationId: 'runStockFeedNow',
        summary: 'Fetch the shop\'s stock feed now',
        description:
          'As Merchant Center\'s "Fetch now": the feed is due at once and a round starts, outside the schedule, which stays as it is. The answer comes before the fetch ends; the run\'s result appears in `last_run` of `GET …/inventory/feed` (a few seconds; up to 30 s for a slow server). A fetch under way is not doubled.',
        tag: 'inventory',
        access: 'shop',
        params: StorePath,
        responses: { 202: { description: 'The fetch is under way: the feed as it is now.', schema: StockFeed } },
        problems: ['store-not-found', 'not-found'],
        handle: async (c, { params }) => {
          const { id } = await requireStore(storage, params.id);
          const feed = await storage.feeds.get(id);
          if (!feed) {
            throw new ProblemError('not-found', {
              en: 'This shop has no stock feed to fetch. Set its address first.',
              de: 'Für dieses Geschäft ist kein automatischer Abruf eingerichtet. Tragen Sie zuerst die Adresse ein.',
            });
          }
          const at = now().toISOString();
          const record = await storage.feeds.put({ store_id: id, url: feed.url, every_hours: feed.every_hours, at: feed.at, next_run_at: at, updated_at: at });
          options.feeds?.runNow?.();
          return c.json(feedView(record), 202);
        },
      }),
      route({
        method: 'delete',
        path: PATH,
        operationId: 'removeStockFeed',
        summary: 'Stop fetching the shop\'s stock feed',
        tag: 'inventory',
        access: 'shop',
        params: StorePath,
        responses: { 204: { description: 'The feed is removed (or there was none); the stock list stays as it is.' } },
        problems: ['store-not-found'],
        handle: async (c, { params }) => {
          const { id } = await requireStore(storage, params.id);
          await storage.feeds.remove(id);
          return c.body(null, 204);
        },
      }),
    ],
  };
};
