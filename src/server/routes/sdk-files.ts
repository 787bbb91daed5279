/**
 * The built citylab-sdk, served to shop pages on any origin:
 *
 * - `GET /sdk/{file}`: `citylab.js` and `citylab.css` (short-lived: their names never
 *   change) and the content-hashed lazy chunks (immutable for a year).
 * - `GET /sdk/{version}/{file}`: the same files under the SDK's version (`/sdk/0.2.0/citylab.js`),
 *   immutable: what a URL with a version names never changes, so a shop can pin it with a
 *   Subresource Integrity hash (`dist/sri.json`, printed by the build). The entry loads its
 *   chunks relative to its own URL, so a versioned entry loads versioned chunks. Another
 *   version than the installed one is a 404, never another version's bytes.
 * - `GET /sdk/decoders/{file}`: the Draco, KTX2 and meshopt decoders a compressed
 *   model needs, as citylab-sdk ships them (`dist/decoders/`). model-viewer would
 *   otherwise fetch them from a Google CDN; the viewer points it here instead.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CACHE_POLICY, httpCache } from '../http-cache.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from './module.js';
import type { AppEnv } from './table.js';

const DECODER_TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** A day: the file names stay the same when the packages that ship them are updated, so not `immutable`. */
const DECODER_CACHE = 'public, max-age=86400';

export const sdkFileRoutes: RouteModuleFactory = ({ options: { sdkDir } }) => {
  const web = new Hono<AppEnv>();
  const decoderCache = new Map<string, Promise<Buffer>>();
  // Only the files the SDK ships: a name is looked up in this list, never joined into a path unchecked.
  const decoderDir = sdkDir ? join(sdkDir, 'decoders') : undefined;
  const decoders = new Set(decoderDir ? safeList(decoderDir) : []);

  web.get('/sdk/decoders/:file', async (c) => {
    const name = c.req.param('file');
    const type = DECODER_TYPES[extname(name)];
    if (!decoderDir || !decoders.has(name) || !type) throw new ProblemError('not-found', `There is no decoder "${name}".`);
    let body = decoderCache.get(name);
    if (!body) {
      body = readFile(join(decoderDir, name));
      decoderCache.set(name, body);
      body.catch(() => decoderCache.delete(name));
    }
    // Shop pages on any origin fetch these (the WebAssembly files with fetch(), so CORS matters).
    return c.body(new Uint8Array(await body), 200, {
      'Content-Type': type,
      'Cache-Control': DECODER_CACHE,
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  // The script-tag bundle, its stylesheet and its lazy chunks: flat files only.
  if (sdkDir && existsSync(sdkDir)) {
    const version = builtVersion(sdkDir);
    const sdk = serveStatic({
      root: sdkDir,
      rewriteRequestPath: (p) => p.replace(/^\/sdk\/(?:\d+\.\d+\.\d+[A-Za-z0-9.+-]*\/)?/, '/'),
    });
    // citylab.js and citylab.css keep their names (short-lived); the chunks beside them are named
    // by their content hash, and everything under a version never changes (a year).
    const sdkCache = httpCache((c) =>
      c.req.param('version') !== undefined || /-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/.test(c.req.path) ? CACHE_POLICY.immutable : CACHE_POLICY.sdkEntry,
    );
    const send: MiddlewareHandler<AppEnv> = (c, next) => {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('X-Content-Type-Options', 'nosniff');
      return sdk(c, next);
    };
    const FILE = ':file{[A-Za-z0-9._-]+\\.(?:js|js\\.map|css)}';
    web.get(`/sdk/${FILE}`, sdkCache, send);
    web.get(`/sdk/:version{\\d+\\.\\d+\\.\\d+[A-Za-z0-9.+-]*}/${FILE}`, async (c, next) => {
      if (c.req.param('version') !== version) throw new ProblemError('not-found', `This endpoint serves citylab-sdk ${version ?? '(no build)'}, not ${c.req.param('version')}.`);
      await next();
    }, sdkCache, send);
  }

  return { web };
};

/** The version the build wrote into `sri.json` beside the bundle; without one, no versioned path. */
function builtVersion(sdkDir: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(join(sdkDir, 'sri.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
