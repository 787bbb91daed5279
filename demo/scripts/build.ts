/**
 * Builds the demo town's web site into demo/dist (served at /demo/ by the
 * endpoint): a page for the town, one small web site per fictional shop with
 * a page per product, and the 3D models.
 *
 * The shop pages embed the SDK exactly as a shop owner pastes it from the
 * town's endpoint — one script tag, no configuration — so the demo shows what
 * a real shop page gets. Elements are put on the pages once they exist in
 * src/sdk/elements/, so the demo never shows a tag nothing renders.
 *
 *   node --import tsx demo/scripts/build.ts
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InventoryItem, Product } from 'citylab-sdk/contract';
import { city, inventory, products, stores, type DemoStore } from '../town.js';
import { buildModels } from './models.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'demo', 'dist');
const has = (element: string) => existsSync(join(ROOT, 'src', 'sdk', 'elements', element, 'define.ts'));
const ELEMENTS = { finder: has('store-finder'), collect: has('click-collect'), viewer: has('ar-viewer') };

/** What a shop owner pastes (README, "For shop owners"): the town endpoint's stylesheet and script, nothing else. */
const SNIPPET = '<link rel="stylesheet" href="/sdk/citylab.css">\n<script type="module" src="/sdk/citylab.js"></script>';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const euro = (amount: string) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(Number(amount));
const productById = new Map(products.map((p) => [p.gtin, p]));

/** Each fictional shop has its own look, as real shop sites do; one of them is dark. */
const LOOKS: Record<string, { accent: string; bg: string; fg: string; font: string; onAccent?: string }> = {
  'buchhandlung-am-markt': { accent: '#8c2f39', bg: '#fbf8f3', fg: '#2b2420', font: 'Georgia, "Times New Roman", serif' },
  'schuhhaus-kersting': { accent: '#1f4e79', bg: '#ffffff', fg: '#1d1d1f', font: 'system-ui, sans-serif' },
  'wohnraum-einrichtung': { accent: '#2f6b5b', bg: '#f6f4ef', fg: '#23201c', font: '"Helvetica Neue", Arial, sans-serif' },
  'lichtwerk-leuchten': { accent: '#b3541e', bg: '#fffdf8', fg: '#1f1a17', font: 'system-ui, sans-serif' },
  'keramik-am-glockenturm': { accent: '#4d6b8a', bg: '#f7f9fa', fg: '#1e2a33', font: 'Georgia, serif' },
  'musikhaus-klangraum': { accent: '#ffb347', bg: '#15161a', fg: '#ecebe8', font: 'system-ui, sans-serif', onAccent: '#15161a' },
  'teehaus-am-neumarkt': { accent: '#5d7a3a', bg: '#fbfaf5', fg: '#24261f', font: 'Georgia, serif' },
};
const look = (id: string) => LOOKS[id] ?? { accent: '#0b5cad', bg: '#ffffff', fg: '#1d1d1f', font: 'system-ui, sans-serif' };

function page(opts: { title: string; lang?: string; body: string; store?: DemoStore; description?: string }): string {
  const l = look(opts.store?.id ?? '');
  return `<!doctype html>
<html lang="${opts.lang ?? 'de'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
${opts.description ? `<meta name="description" content="${esc(opts.description)}">` : ''}
<link rel="icon" href="data:,">
<!-- CityLab: what a shop owner pastes into the head -->
${SNIPPET}
<style>
  :root { --accent: ${l.accent}; --on-accent: ${l.onAccent ?? '#ffffff'}; ${l.bg.startsWith('#1') ? 'color-scheme: dark;' : ''} }
  * { box-sizing: border-box; }
  body { margin: 0; background: ${l.bg}; color: ${l.fg}; font: 16px/1.5 ${l.font}; }
  a { color: var(--accent); }
  header.site { border-bottom: 4px solid var(--accent); padding: 1rem clamp(1rem, 4vw, 3rem); display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: baseline; }
  header.site .brand { font-size: 1.5rem; font-weight: 700; color: inherit; text-decoration: none; }
  header.site nav a { margin-right: 1rem; color: inherit; }
  main { padding: 1.5rem clamp(1rem, 4vw, 3rem) 3rem; max-width: 1200px; margin: 0 auto; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 1.25rem; padding: 0; list-style: none; }
  .card { border: 1px solid color-mix(in srgb, currentColor 15%, transparent); border-radius: 10px; overflow: hidden; }
  .card a { color: inherit; text-decoration: none; display: block; }
  .card .img { aspect-ratio: 4 / 3; background: color-mix(in srgb, var(--accent) 10%, transparent); display: grid; place-items: center; }
  .card .img img { width: 100%; height: 100%; object-fit: contain; }
  .card .txt { padding: .75rem 1rem 1rem; }
  .card .price { font-weight: 700; }
  .product { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; align-items: start; }
  .product .media { aspect-ratio: 1; background: color-mix(in srgb, var(--accent) 8%, transparent); border-radius: 12px; display: grid; place-items: center; overflow: hidden; }
  .product .media img { width: 100%; height: 100%; object-fit: contain; }
  .product .price { font-size: 1.75rem; font-weight: 700; margin: .25rem 0 1rem; }
  .muted { opacity: .8; }
  section.local { margin-top: 2.5rem; }
  pre { background: color-mix(in srgb, currentColor 6%, transparent); padding: 1rem; border-radius: 8px; overflow: auto; font-size: .85rem; }
  footer { padding: 2rem clamp(1rem, 4vw, 3rem); font-size: .85rem; opacity: .8; border-top: 1px solid color-mix(in srgb, currentColor 15%, transparent); }
  @media (max-width: 720px) { .product { grid-template-columns: 1fr; } }
  /* Theming the SDK: the shop's own accent colour, through the documented custom property. */
  citylab-store-finder, citylab-click-collect, citylab-ar-viewer { --citylab-accent: var(--accent); --citylab-on-accent: var(--on-accent); }
</style>
</head>
<body>
${opts.body}
<footer>Demo-Stadt ${esc(city.name)} · ${esc(city.attribution ?? '')} · <a href="/demo/">Alle Geschäfte</a> · <a href="/demo/api.html">Was die Schnittstelle liefert</a> · <a href="/demo/outbox.html">Postausgang (E-Mails)</a></footer>
</body>
</html>
`;
}

/** A calm placeholder picture for products without a photo (the demo ships no photos). */
function placeholder(p: Product, accent: string): string {
  const initials = p.name.split(/\s+/).slice(0, 2).map((w) => w[0]).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300" fill="${accent}" fill-opacity=".12"/><text x="200" y="170" font-family="system-ui,sans-serif" font-size="72" text-anchor="middle" fill="${accent}">${esc(initials)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function shopHeader(store: DemoStore): string {
  return `<header class="site">
  <a class="brand" href="/demo/shops/${store.id}/">${esc(store.name)}</a>
  <nav aria-label="Hauptnavigation"><a href="/demo/shops/${store.id}/">Sortiment</a><a href="/demo/shops/${store.id}/#kontakt">Kontakt</a></nav>
  <span class="muted">${esc(store.address.street)}, ${esc(store.address.postal_code)} ${esc(store.address.city)}</span>
</header>`;
}

function shopPage(store: DemoStore, items: InventoryItem[]): string {
  const l = look(store.id);
  const cards = items
    .map((item) => {
      const p = productById.get(item.gtin)!;
      const img = p.image_url ?? placeholder(p, l.accent);
      return `<li class="card"><a href="/demo/shops/${store.id}/${p.gtin}.html">
  <div class="img"><img src="${esc(img)}" alt="" width="400" height="300" loading="lazy"></div>
  <div class="txt"><div>${esc(p.name)}</div><div class="muted">${esc(p.brand ?? '')}</div><div class="price">${euro(item.price.amount)}</div></div>
</a></li>`;
    })
    .join('\n');
  return page({
    title: `${store.name} – ${store.address.city}`,
    store,
    description: store.description,
    body: `${shopHeader(store)}
<main>
  <h1>${esc(store.name)}</h1>
  <p>${esc(store.description ?? '')}</p>
  <h2>Unser Sortiment</h2>
  <ul class="grid">${cards}</ul>
  <h2 id="kontakt">Kontakt</h2>
  <p>${esc(store.address.street)}<br>${esc(store.address.postal_code)} ${esc(store.address.city)}<br>
  ${store.phone ? `Telefon: <a href="tel:${esc(store.phone.replace(/\s/g, ''))}">${esc(store.phone)}</a><br>` : ''}
  ${store.email ? `E-Mail: <a href="mailto:${esc(store.email)}">${esc(store.email)}</a>` : ''}</p>
</main>`,
  });
}

function productPage(store: DemoStore, item: InventoryItem): string {
  const p = productById.get(item.gtin)!;
  const l = look(store.id);
  const img = p.image_url ?? placeholder(p, l.accent);
  const dims = p.model?.dimensions_m;
  const media =
    ELEMENTS.viewer && p.model
      ? `<citylab-ar-viewer gtin="${p.gtin}"></citylab-ar-viewer>`
      : `<div class="media"><img src="${esc(img)}" alt="${esc(p.name)}" width="600" height="600"></div>`;
  const collect = ELEMENTS.collect ? `<citylab-click-collect gtin="${p.gtin}" store="${store.id}"></citylab-click-collect>` : '';
  const finder = ELEMENTS.finder
    ? `<section class="local" aria-labelledby="local-h">
    <h2 id="local-h">Auch in anderen Geschäften in ${esc(city.name)}</h2>
    <citylab-store-finder gtin="${p.gtin}" store="${store.id}"></citylab-store-finder>
  </section>`
    : '';
  return page({
    title: `${p.name} – ${store.name}`,
    store,
    description: p.description,
    body: `${shopHeader(store)}
<main>
  <p><a href="/demo/shops/${store.id}/">← Zurück zum Sortiment</a></p>
  <div class="product">
    <div>${media}</div>
    <div>
      <h1>${esc(p.name)}</h1>
      <div class="muted">${esc(p.brand ?? '')}</div>
      <div class="price">${euro(item.price.amount)}</div>
      <p>${esc(p.description ?? '')}</p>
      ${dims ? `<p class="muted">Maße: ${Math.round(dims.width * 100)} × ${Math.round(dims.height * 100)} × ${Math.round(dims.depth * 100)} cm (B × H × T)</p>` : ''}
      <p class="muted">Art.-Nr. ${esc(item.sku)} · EAN ${p.gtin}</p>
      ${collect}
    </div>
  </div>
  ${finder}
</main>`,
  });
}

function townPage(): string {
  const shops = stores
    .map((s) => `<li class="card"><a href="/demo/shops/${s.id}/"><div class="txt"><strong>${esc(s.name)}</strong><div class="muted">${esc(s.address.street)}</div><div>${esc(s.description ?? '')}</div></div></a></li>`)
    .join('\n');
  const withModels = products.filter((p) => p.model);
  const featured = withModels
    .map((p) => {
      const seller = stores.find((s) => inventory[s.id]?.some((i) => i.gtin === p.gtin))!;
      return `<li><a href="/demo/shops/${seller.id}/${p.gtin}.html">${esc(p.name)}</a> bei ${esc(seller.name)} (mit 3D-Modell)</li>`;
    })
    .join('\n');
  return page({
    title: `Demo-Stadt ${city.name} – CityLab`,
    body: `<header class="site"><a class="brand" href="/demo/">Innenstadt ${esc(city.name)}</a><span class="muted">Demo der CityLab SDK</span></header>
<main>
  <h1>Einkaufen in der Altstadt von ${esc(city.name)}</h1>
  <p>Dies ist eine Demo-Stadt mit ${stores.length} erfundenen Geschäften. Jede Geschäftsseite bindet CityLab so ein, wie es ein Geschäft tun würde: mit einer Zeile.</p>
  <pre><code>${esc(SNIPPET)}</code></pre>
  <h2>Produkte mit 3D-Modell</h2>
  <ul>${featured}</ul>
  <h2>Geschäfte</h2>
  <ul class="grid">${shops}</ul>
</main>`,
  });
}

/** Until every element exists, this page shows what the endpoint returns for the demo town. */
function apiPage(): string {
  const sample = products.find((p) => p.model)!;
  const links = [
    ['/v1/city', 'Die Stadt'],
    ['/v1/stores', 'Alle Geschäfte'],
    [`/v1/products?q=vase`, 'Produktsuche „vase“'],
    [`/v1/products/${sample.gtin}`, `Ein Produkt (${sample.name})`],
    [`/v1/availability?gtin=${sample.gtin}`, 'Verfügbarkeit in der Stadt'],
    [`/v1/availability?gtin=${sample.gtin}&lat=51.3968&lon=8.0645`, 'Verfügbarkeit, nach Entfernung vom Alten Markt'],
    ['/v1/places?q=59755', 'Ort zur Postleitzahl 59755'],
    ['/v1/openapi.json', 'OpenAPI-Beschreibung'],
  ];
  return page({
    title: 'Was die Schnittstelle liefert – CityLab Demo',
    body: `<header class="site"><a class="brand" href="/demo/">Innenstadt ${esc(city.name)}</a><span class="muted">Schnittstelle</span></header>
<main>
  <h1>Was die Schnittstelle der Stadt liefert</h1>
  <p>Jeder Link unten fragt die Schnittstelle dieser Demo-Stadt ab. Wählen Sie einen, um die Antwort zu sehen.</p>
  <ul>${links.map(([href, label]) => `<li><a href="${esc(href!)}" data-api>${esc(label!)}</a> <code>${esc(href!)}</code></li>`).join('')}</ul>
  <pre id="out" aria-live="polite">Noch nichts abgefragt.</pre>
  <script type="module" src="/demo/api.js"></script>
</main>`,
  });
}

/**
 * The demo pages' scripts, as files: the endpoint serves every page with a policy that runs
 * no inline script.
 */
const API_JS = `const out = document.getElementById('out');
for (const a of document.querySelectorAll('a[data-api]')) {
  a.addEventListener('click', async (e) => {
    e.preventDefault();
    out.textContent = 'Lädt …';
    const res = await fetch(a.getAttribute('href'));
    out.textContent = res.status + ' ' + res.headers.get('content-type') + '\\n\\n' + JSON.stringify(await res.json(), null, 2);
  });
}
`;

const OUTBOX_JS = `const box = document.getElementById('mails');
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
async function load() {
  const res = await fetch('/v1/demo/outbox');
  if (!res.ok) { box.textContent = 'Der Postausgang ist nur in der Demo-Stadt ohne Mailserver sichtbar.'; return; }
  const { items } = await res.json();
  box.innerHTML = items.length ? items.map((m) => '<article class="card" style="padding:1rem;margin:1rem 0"><h2 style="margin:0;font-size:1.1rem">' + esc(m.subject) + '</h2><p class="muted" style="margin:.25rem 0">An ' + esc(m.recipient) + ' · ' + new Date(m.created_at).toLocaleString('de-DE') + (m.sent_at ? ' · versandt' : ' · nicht versandt (kein Mailserver)') + '</p><pre style="white-space:pre-wrap">' + esc(m.text) + '</pre></article>').join('') : '<p>Noch keine E-Mails. Reservieren Sie auf einer Produktseite, dann erscheint hier die Bestätigung.</p>';
}
document.getElementById('reload').addEventListener('click', load);
load();
`;

/** The demo town sends no mail (no SMTP): its outbox is shown here, as a shop and a shopper would receive it. */
function outboxPage(): string {
  return page({
    title: 'Postausgang der Demo-Stadt – CityLab',
    body: `<header class="site"><a class="brand" href="/demo/">Innenstadt ${esc(city.name)}</a><span class="muted">Postausgang</span></header>
<main>
  <h1>Postausgang</h1>
  <p>Ohne Mailserver verschickt die Demo-Stadt keine E-Mails. Hier sehen Sie, was Kundinnen, Kunden und Geschäfte bekommen würden: Bestätigung mit Abholcode, „liegt bereit“, Storno, Ablauf. Die neuesten zuerst; nach 30 Tagen gelöscht.</p>
  <p><button type="button" id="reload">Neu laden</button></p>
  <div id="mails" aria-live="polite">Lädt …</div>
  <script type="module" src="/demo/outbox.js"></script>
</main>`,
  });
}

export async function buildDemoSite(): Promise<{ pages: number; models: number }> {
  await rm(OUT, { recursive: true, force: true });
  const models = await buildModels(join(OUT, 'models'));
  let pages = 0;
  const write = async (path: string, html: string) => {
    await mkdir(dirname(join(OUT, path)), { recursive: true });
    await writeFile(join(OUT, path), html);
    pages++;
  };
  await write('index.html', townPage());
  await write('api.html', apiPage());
  await write('outbox.html', outboxPage());
  await writeFile(join(OUT, 'api.js'), API_JS);
  await writeFile(join(OUT, 'outbox.js'), OUTBOX_JS);
  for (const store of stores) {
    const items = inventory[store.id] ?? [];
    await write(`shops/${store.id}/index.html`, shopPage(store, items));
    for (const item of items) await write(`shops/${store.id}/${item.gtin}.html`, productPage(store, item));
  }
  return { pages, models: models.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { pages, models } = await buildDemoSite();
  const on = Object.entries(ELEMENTS).filter(([, v]) => v).map(([k]) => k);
  console.log(`demo: ${pages} pages and ${models} models in demo/dist (elements on the pages: ${on.join(', ') || 'none yet'})`);
}
