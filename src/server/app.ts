/**
 * The city availability endpoint as a Hono app, composed of route modules
 * (routes/*). Here is only what every request passes through: the request log,
 * CORS for the API, and errors turned into RFC 9457 problems. What differs per
 * route (who may call it, body limit, caching, validation) is declared in the
 * route table and put in front of each route by `mountApiRoute`; the same
 * declarations are the OpenAPI document at `GET /v1/openapi.json`.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { authentication } from './auth.js';
import { dashboardPage } from './dashboard/page.js';
import { operatorRoutes } from './dashboard/operator.js';
import { dashboardRoutes, type DashboardOptions } from './dashboard/routes.js';
import { sessionCaller } from './dashboard/session.js';
import { problemResponse } from './http.js';
import { insightRoutes } from './insights/routes.js';
import { createLogger, type Logger } from './log.js';
import { buildOpenApi } from './openapi.js';
import { ProblemError } from './problem.js';
import type { Mailer } from './reservations/mail.js';
import { reservationRoutes, type ReservationOptions } from './reservations/routes.js';
import { frameRoutes } from './routes/frames.js';
import { availabilityRoutes } from './routes/availability.js';
import { cityRoutes } from './routes/city.js';
import { documentRoutes } from './routes/document.js';
import { healthRoutes } from './routes/health.js';
import { inventoryRoutes } from './routes/inventory.js';
import { stockFeedRoutes } from './routes/stock-feed.js';
import { modelRoutes } from './routes/models.js';
import type { RouteContext, RouteModuleFactory } from './routes/module.js';
import { docsRoutes } from './docs/routes.js';
import { pageRoutes } from './routes/pages.js';
import { productRoutes } from './routes/products.js';
import { sdkFileRoutes } from './routes/sdk-files.js';
import { siteRoutes } from './routes/sites.js';
import { storeRoutes } from './routes/stores.js';
import { mountApiRoute, type ApiRoute, type AppEnv } from './routes/table.js';
import type { Limit } from './rate-limit.js';
import type { Storage } from './storage/types.js';

export interface AppOptions {
  storage: Storage;
  /** The town operator's key (`CITYLAB_ADMIN_KEY`); without it the operator routes answer 401. */
  adminKey?: string | undefined;
  version: string;
  /**
   * Where shoppers and shop pages reach this endpoint (`CITYLAB_PUBLIC_URL`, no trailing slash).
   * Every link in mails and pages starts with it; none is built from a request's headers.
   */
  publicUrl: string;
  /** Folder with `citylab.js` and its chunks, served at `/sdk/`. */
  sdkDir?: string | undefined;
  /**
   * Static sites beside the API (the demo town's pages at `/demo/`); the first one's
   * prefix is where `/` leads.
   */
  sites?: readonly { prefix: `/${string}`; dir: string }[] | undefined;
  logger?: Logger;
  now?: () => Date;
  reservations?: ReservationOptions;
  /** Wrong keys one client may send before it is slowed down (default: auth.ts WRONG_KEYS). */
  wrongKeys?: Limit;
  /** Sends the outbox now: for mails a person waits for (a sign-in link). Without it they go with the next round. */
  mailer?: Mailer | undefined;
  dashboard?: DashboardOptions;
  /** Shops' stock feeds: `allowPrivate` (CITYLAB_FEED_ALLOW_PRIVATE, tests only) lets them be http and loopback or private addresses. */
  feeds?: { allowPrivate: boolean; /** A round of the feed job now (start.ts); without it the next scheduled round fetches. */ runNow?: () => void };
  /** True once the process is shutting down: `GET /v1/ready` answers 503 so the load balancer stops sending. */
  draining?: () => boolean;
}

/** Every route module, in the order their routes are matched. */
const ROUTE_MODULES: readonly RouteModuleFactory[] = [
  healthRoutes,
  documentRoutes,
  cityRoutes,
  storeRoutes,
  inventoryRoutes,
  stockFeedRoutes,
  productRoutes,
  modelRoutes,
  availabilityRoutes,
  frameRoutes,
  reservationRoutes,
  insightRoutes,
  dashboardRoutes,
  operatorRoutes,
  dashboardPage,
  pageRoutes,
  docsRoutes,
  sdkFileRoutes,
  siteRoutes,
];

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { storage } = options;
  const log = options.logger ?? createLogger('silent');
  const app = new Hono<AppEnv>({ strict: false });

  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err);
    // A client that went away mid-body (a dropped upload on a train) is not the endpoint's fault.
    if (clientAborted(c.req.raw, err)) {
      log.info('request-aborted', { route: c.req.routePath });
      return new Response(null, { status: 499 });
    }
    log.error('unhandled', { route: c.req.routePath, message: err.message });
    return problemResponse(c, new ProblemError('internal', 'Something went wrong on the endpoint. Please try again.'));
  });
  app.notFound((c) => problemResponse(c, new ProblemError('route-not-found', `There is no route ${c.req.method} ${c.req.path}.`)));

  // Request log: the route pattern, never the raw URL (queries may hold a location or a token).
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log.info('request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) });
  });

  // Any origin may call the API, never with cookies: reads come from shop pages anywhere, and
  // keys travel only in the Authorization header, which a browser never adds by itself.
  app.use(
    '/v1/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Location', 'Retry-After', 'ETag'],
      maxAge: 86400,
    }),
  );

  const api: ApiRoute[] = [];
  let document: string | undefined;
  const now = options.now ?? (() => new Date());
  const guard = authentication({ storage, adminKey: options.adminKey, trustProxy: options.reservations?.trustProxy, wrongKeys: options.wrongKeys, session: sessionCaller(storage, now, options.adminKey) });
  const ctx: RouteContext = {
    storage,
    log,
    now,
    options,
    openapi: () => (document ??= JSON.stringify(buildOpenApi(api, options.version))),
    keyHolder: guard.keyHolder,
  };
  for (const factory of ROUTE_MODULES) {
    const module = factory(ctx);
    for (const route of module.api ?? []) {
      api.push(route);
      mountApiRoute(app, route, guard);
    }
    if (module.web) app.route('/', module.web);
  }
  return app;
}

/** Whether an error only says that the client closed the connection before its request was read. */
function clientAborted(request: Request, err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return request.signal.aborted || err.message === 'aborted' || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}
