/**
 * The docs' pages: an index of the elements and one page per element with everything
 * its manifest entry documents and the element live, loaded from this endpoint's
 * `/sdk/citylab.js`. In English (`lang="en"`); the live example speaks German, as the
 * shoppers see it.
 */
import type { Example } from './example.js';
import { html, inline, prose, type Html } from './html.js';
import type { DocAttribute, DocCssProperty, DocEvent, DocMember, DocNamed, ElementDoc } from './manifest.js';

export interface PageContext {
  /** The town's name, when it has one. */
  town?: string | undefined;
  /** Where shop pages load the SDK from: `<origin>/sdk/citylab.js`. */
  sdkUrl: string;
}

function layout(title: string, body: Html, options: { withSdk?: boolean } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/docs/docs.css">
${options.withSdk ? html`<script type="module" src="/sdk/citylab.js"></script>` : ''}
</head>
<body>
${body}
</body>
</html>
`.markup;
}

const tagName = (tag: string) => html`<code>&lt;${tag}&gt;</code>`;
const deprecation = (deprecated: boolean | string | undefined) =>
  deprecated ? html`<p class="deprecated">Deprecated${typeof deprecated === 'string' ? html`: ${inline(deprecated)}` : ''}.</p>` : '';

export function indexPage(elements: readonly ElementDoc[], context: PageContext): string {
  const title = `CityLab SDK elements${context.town ? ` – ${context.town}` : ''}`;
  return layout(
    title,
    html`<header>
<h1>${title}</h1>
<p class="lead">The web components this town's endpoint serves, documented from the SDK's <a href="https://github.com/webcomponents/custom-elements-manifest">custom elements manifest</a>: every attribute, property, event, slot, CSS part and custom property, each with the element live on this town's data.</p>
<p class="muted">This documentation is in English. The elements speak German to shoppers, English where the page or element has <code>lang="en"</code>.</p>
</header>
<main>
<h2 id="elements">Elements</h2>
<ul class="elements">
${elements.map(
  (e) => html`<li><a href="/docs/${e.tag}">${tagName(e.tag)}</a>${e.summary ? html`<br>${inline(e.summary)}` : ''}</li>
`,
)}
</ul>
<h2 id="snippet">On a shop page</h2>
<p>One script, then the elements wherever they belong:</p>
<pre><code>${`<script type="module" src="${context.sdkUrl}"></script>`}</code></pre>
<p>From npm: <code>npm install citylab-sdk</code> (with React components in <code>citylab-sdk/react</code>). The HTTP API is described in <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
</main>
`,
  );
}

export function elementPage(element: ElementDoc, example: Example | undefined, context: PageContext): string {
  const sections: [id: string, title: string, body: Html][] = [
    ['attributes', 'Attributes', list(element.attributes, 'attribute', attributeItem)],
    ['properties', 'Properties', list(element.properties, 'property', propertyItem)],
    ['methods', 'Methods', list(element.methods, 'method', methodItem)],
    ['events', 'Events', list(element.events, 'event', eventItem)],
    ['slots', 'Slots', list(element.slots, 'slot', namedItem)],
    ['css-parts', 'CSS parts', list(element.cssParts, 'css-part', partItem)],
    ['css-properties', 'CSS custom properties', list(element.cssProperties, 'css-property', cssPropertyItem)],
  ];
  if (element.cssStates.length) sections.push(['css-states', 'CSS custom states', list(element.cssStates, 'css-state', namedItem)]);

  return layout(
    `<${element.tag}> – CityLab SDK`,
    html`<header>
<p><a href="/docs/">CityLab SDK elements${context.town ? ` – ${context.town}` : ''}</a></p>
<h1>${tagName(element.tag)}</h1>
${element.summary ? html`<p class="lead">${inline(element.summary)}</p>` : ''}
${deprecation(element.deprecated)}
<p class="muted">Class <code>${element.className}</code></p>
</header>
<nav class="toc" aria-label="On this page"><ul>
<li><a href="#example">Live example</a></li>
${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}
</ul></nav>
<main>
${prose(element.description)}
${exampleSection(element, example, context)}
${sections.map(([id, title, body]) => html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}</section>
`)}
</main>
`,
    { withSdk: true },
  );
}

/** The element as a shop page has it: the attributes it takes among `gtin` and `store`, from the example. */
function exampleSection(element: ElementDoc, example: Example | undefined, context: PageContext): Html {
  const takes = new Set(element.attributes.map((a) => a.name));
  const attributes: [string, string][] = [];
  if (example?.gtin && takes.has('gtin')) attributes.push(['gtin', example.gtin]);
  if (example?.store && takes.has('store')) attributes.push(['store', example.store]);
  const live = html`<${element.tag}${attributes.map(([name, value]) => html` ${name}="${value}"`)}></${element.tag}>`;
  const source = `<script type="module" src="${context.sdkUrl}"></script>\n<${element.tag}${attributes.map(([name, value]) => ` ${name}="${value}"`).join('')}></${element.tag}>`;
  const what = example?.gtin
    ? html`${example.productName ? html`<strong>${example.productName}</strong> (GTIN <code>${example.gtin}</code>)` : html`GTIN <code>${example.gtin}</code>, a product this town does not know,`}${
        example.store ? html` at ${example.storeName ? html`<strong>${example.storeName}</strong> (<code>${example.store}</code>)` : html`<code>${example.store}</code>`}` : ''
      }`
    : example?.store
      ? html`no product: ${example.storeName ? html`<strong>${example.storeName}</strong> has nothing in stock` : html`there is no shop <code>${example.store}</code> in this town`}`
      : html`no product: this town has no stock yet`;
  return html`<section aria-labelledby="example"><h2 id="example">Live example</h2>
<p>With ${what}, from this endpoint. Choose another product or shop with <code>?gtin=…</code> and <code>?store=…</code> in this page's address.</p>
<div class="example" lang="de">${live}</div>
<pre><code>${source}</code></pre>
</section>
`;
}

function list<T extends { name: string }>(items: readonly T[], kind: string, item: (entry: T) => Html): Html {
  if (!items.length) return html`<p class="muted">None.</p>`;
  return html`${items.map((entry) => html`<article class="api" id="${kind}-${entry.name || 'default'}">${item(entry)}</article>
`)}`;
}

/** Name/value pairs under an entry's name; empty values are left out. */
function meta(pairs: [label: string, value: string | undefined][]): Html {
  const shown = pairs.filter((p): p is [string, string] => !!p[1]);
  return shown.length ? html`<dl class="meta">${shown.map(([label, value]) => html`<div><dt>${label}</dt><dd><code>${value}</code></dd></div>`)}</dl>` : html``;
}

const words = (entry: { summary?: string | undefined; description?: string | undefined; deprecated?: boolean | string | undefined }) =>
  html`${deprecation(entry.deprecated)}${entry.summary ? html`<p>${inline(entry.summary)}</p>` : ''}${prose(entry.description)}`;

function attributeItem(a: DocAttribute): Html {
  return html`<h3><code>${a.name}</code></h3>${meta([['Type', a.type?.text], ['Default', a.default], ['Property', a.fieldName]])}${words(a)}`;
}

function propertyItem(p: DocMember): Html {
  const flags = [p.static ? 'static' : '', p.readonly ? 'read-only' : ''].filter(Boolean).join(', ');
  return html`<h3><code>${p.name}</code>${flags ? html` <span class="muted">(${flags})</span>` : ''}</h3>${meta([['Type', p.type?.text], ['Default', p.default], ['Attribute', p.attribute]])}${words(p)}`;
}

function methodItem(m: DocMember): Html {
  const parameters = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`).join(', ');
  const signature = `${m.static ? 'static ' : ''}${m.name}(${parameters})${m.return?.type ? `: ${m.return.type.text}` : ''}`;
  return html`<h3><code>${signature}</code></h3>${words(m)}`;
}

function eventItem(e: DocEvent): Html {
  return html`<h3><code>${e.name}</code></h3>${meta([['Type', e.type?.text]])}${words(e)}`;
}

function namedItem(n: DocNamed): Html {
  return html`<h3>${n.name ? html`<code>${n.name}</code>` : 'Default slot'}</h3>${words(n)}`;
}

function partItem(p: DocNamed): Html {
  return html`<h3><code>::part(${p.name})</code></h3>${words(p)}`;
}

function cssPropertyItem(p: DocCssProperty): Html {
  return html`<h3><code>${p.name}</code></h3>${meta([['Syntax', p.syntax], ['Default', p.default]])}${words(p)}`;
}
