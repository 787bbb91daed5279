/**
 * What a route module is: a function of the app's context that returns its API
 * routes (declared in the route table, so they are documented) and, for pages
 * and files beside the API, a Hono app of its own. `createApp` (../app.ts) lists
 * the modules; adding one is one line there.
 */
import type { Context, Hono } from 'hono';
import type { Caller } from '../auth.js';
import type { AppOptions } from '../app.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/types.js';
import type { ApiRoute, AppEnv } from './table.js';

export interface RouteContext {
  storage: Storage;
  log: Logger;
  now: () => Date;
  options: AppOptions;
  /** Checks a presented key as the auth middleware does (the same wrong-key limit): the operator or a shop. */
  keyHolder(c: Context, key: string): Promise<Caller>;
  /** The OpenAPI document of every API route of this app, as JSON (written on first use). */
  openapi(): string;
}

export interface RouteModule {
  /** `/v1` routes: registered from their declarations, and in the OpenAPI document. */
  api?: readonly ApiRoute[];
  /** Pages and files (not part of the API, not in the document), mounted at `/`. */
  web?: Hono<AppEnv>;
}

export type RouteModuleFactory = (ctx: RouteContext) => RouteModule;
