/**
 * The files the endpoint's own pages load from `/pages/`: their scripts and
 * styles, never inline, so each page's Content Security Policy can allow
 * `'self'` alone. Kept in memory with an ETag computed once.
 */
import { etagOf } from '../http-cache.js';
import { RESERVATION_SCRIPT } from './reservation-script.js';

const RESERVATION_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
.code{font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.1em}
button{min-height:44px;padding:.5rem 1rem;font:inherit;border-radius:8px;border:1px solid #8a8a8a;background:#fff}
.muted{color:#555}
`;

const AR_STYLE = `body{margin:0 auto;max-width:40rem;padding:1rem;font:1rem/1.5 system-ui,sans-serif;color:#1d1d1b;background:#fff}
h1{font-size:1.375rem;margin:.5rem 0 1rem}
citylab-ar-viewer{margin-bottom:1rem}
a{color:#0b5cad}
`;

export interface PageAsset {
  type: string;
  body: string;
  etag: string;
}

const asset = (type: string, body: string): PageAsset => ({ type, body, etag: etagOf(body) });

export const PAGE_ASSETS: ReadonlyMap<string, PageAsset> = new Map([
  ['reservation.js', asset('text/javascript; charset=utf-8', RESERVATION_SCRIPT)],
  ['reservation.css', asset('text/css; charset=utf-8', RESERVATION_STYLE)],
  ['ar.css', asset('text/css; charset=utf-8', AR_STYLE)],
]);
