/**
 * The files the endpoint's own pages load from `/pages/`: their scripts and
 * styles, never inline, so each page's Content Security Policy can allow
 * `'self'` alone. Kept in memory with an ETag computed once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { etagOf } from '../http-cache.js';
import { RESERVATION_SCRIPT } from './reservation-script.js';

const RESERVATION_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1f;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .5rem}
h1:focus{outline:none}
.status{margin:.25rem 0}.status.cancelled,.status.expired{color:#8a1c1c}
.item{font-weight:600}
.ticket{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:1rem;border:2px dashed #8a8a8a;border-radius:8px;margin:1rem 0}
.ticket>div{flex:1 1 12rem}.ticket p{margin:.2rem 0}.label{font-weight:600}
.code{font:700 2.2rem/1.2 ui-monospace,monospace;letter-spacing:.1em}
canvas.qr{width:140px;height:140px;image-rendering:pixelated;background:#fff}
.facts{display:grid;gap:.6rem;margin:1rem 0}.facts>div{display:grid;gap:.1rem}dt{font-weight:600}dd{margin:0}
.hours{list-style:none;margin:0;padding:0}
a{color:#0b5cad;display:inline-flex;align-items:center;min-height:24px}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}.actions p{flex-basis:100%;margin:0}
button{min-height:44px;padding:.5rem 1rem;font:inherit;border-radius:8px;border:1px solid #8a8a8a;background:#fff;color:inherit}
button.danger{border:2px solid #8a1c1c;color:#8a1c1c;font-weight:600}
:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.muted{color:#555}
`;

/** lean-qr's nano build (about 2 KB gzip, the SDK's own QR encoder), for the pickup code's QR code. */
const QR_SCRIPT = readFileSync(createRequire(import.meta.url).resolve('lean-qr/nano'), 'utf8');

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
  ['qr.js', asset('text/javascript; charset=utf-8', QR_SCRIPT)],
  ['ar.css', asset('text/css; charset=utf-8', AR_STYLE)],
]);
