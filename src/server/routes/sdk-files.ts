/**
 * The built citylab-sdk, served to shop pages on any origin:
 *
 * - `GET /sdk/{file}`: `citylab.js` (short-lived: its name never changes) and its
 *   content-hashed lazy chunks (immutable for a year).
 * - `GET /sdk/decoders/{file}`: the Draco, KTX2 and meshopt decoders a compressed
 *   model needs, as citylab-sdk ships them (`dist/decoders/`). model-viewer would
 *   otherwise fetch them from a Google CDN; the viewer points it here instead.
 */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readdirSync } from 'node:fs';
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

  // The script-tag bundle and its lazy chunks: flat files only.
  if (sdkDir && existsSync(sdkDir)) {
    const sdk = serveStatic({ root: sdkDir, rewriteRequestPath: (p) => p.replace(/^\/sdk/, '') });
    // citylab.js keeps its name (short-lived); the chunks beside it are named by their content hash (a year).
    const sdkCache = httpCache((c) => (/-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/.test(c.req.path) ? CACHE_POLICY.immutable : CACHE_POLICY.sdkEntry));
    web.get('/sdk/:file{[A-Za-z0-9._-]+\\.(?:js|js\\.map)}', sdkCache, (c, next) => {
      c.header('Access-Control-Allow-Origin', '*');
      return sdk(c, next);
    });
  }

  return { web };
};

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
