/**
 * citylab.js with `?load=intent`: the elements' first frames come from the endpoint as HTML
 * (`GET /v1/frames`, rendered there with the elements' own templates), and the elements' code
 * only when the shopper shows intent: pointer over an element, focus in it, a touch or a tap.
 * A product page then shows the stock with a few kilobytes of script; the 3D viewer, the
 * finder and the button arrive when someone is about to use them.
 *
 * - The frames go into each element's shadow root; their `<style>`s become constructed style
 *   sheets (a shop's `style-src` without 'unsafe-inline' allows those), and the HTML is parsed
 *   inert (DOMParser) through a Trusted Types policy named `citylab` where the page enforces them.
 * - When the code arrives the element takes its frame over with the page's answer (its
 *   `availability` property, from the answer citylab.js asked for as it started), so nothing
 *   moves, and the text typed, the focus and a tap that came before the code are carried over.
 * - An element the frames cannot show as it is (another attribute, no product, a failed
 *   request, a page whose Trusted Types refuse the policy) gets its code at once, as without the flag.
 */
import { resolveEndpoint } from './client/endpoint.js';
import { takePrefetched } from './client/prefetch.js';
import { availabilitySearchParams } from './contract/availability.js';
import { availabilityRequest } from './elements/internal/availability.js';
import { COUNTING_ENDPOINT, count, type Countable } from './elements/internal/insights.js';
import { resolveLang } from './elements/internal/lang.js';

/** What a frame shows as the element would: any other attribute (a poster, a limit) needs the element's code. */
const FRAMED_ATTRIBUTES = new Set(['gtin', 'store', 'sku', 'lang', 'id', 'class', 'style', 'slot', 'hidden', 'title']);
/** The controls a tap before the code is carried over to, found again by their place among these. */
const CONTROLS = 'a[href],button,input,select,textarea,summary';
const INTENT = ['pointerover', 'focusin', 'touchstart', 'pointerdown'] as const;

type Load = (tag: string) => void;
type Policy = { createHTML(html: string): unknown };

let policy: Policy | null | undefined;
/** The Trusted Types policy where the page has Trusted Types; null where it refuses one named `citylab`. */
function htmlPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(s: string): string }): Policy } }).trustedTypes;
  try {
    return (policy = tt ? tt.createPolicy('citylab', { createHTML: (s) => s }) : { createHTML: (s) => s });
  } catch {
    return (policy = null);
  }
}

const sheets = new Map<string, CSSStyleSheet>();
function sheetOf(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) sheets.set(css, (sheet = new CSSStyleSheet())).get(css)!.replaceSync(css);
  return sheet;
}

/**
 * Asks for the frames of the page's elements and shows them; returns the elements that wait for
 * intent (autoload.ts loads the code of every other one at once).
 */
export function frameFirstPaint(doc: Document, load: Load): Set<Element> {
  const waiting = new Set<Element>();
  const groups = new Map<string, { elements: Element[]; answer: string; endpoint: string }>();
  for (const el of doc.querySelectorAll('citylab-store-finder, citylab-click-collect, citylab-ar-viewer')) {
    const endpoint = resolveEndpoint(el);
    const attr = (name: string) => el.getAttribute(name)?.trim() || undefined;
    // Asked as the element asks (prefetch-page.ts asked the same as citylab.js started).
    const request = el.localName === 'citylab-ar-viewer' ? (attr('gtin') ? { gtin: attr('gtin')! } : undefined) : availabilityRequest(attr('gtin'), attr('store'), attr('sku'));
    if (!endpoint || !request || el.shadowRoot || ![...el.attributes].every((a) => FRAMED_ATTRIBUTES.has(a.name)) || !htmlPolicy()) continue;
    const params = availabilitySearchParams(request);
    if (attr('store')) params.set('store', attr('store')!);
    params.set('lang', resolveLang(el));
    const key = `${endpoint}/v1/frames?${params}`;
    const group = groups.get(key) ?? { elements: [], answer: `${endpoint}/v1/availability?${availabilitySearchParams(request)}`, endpoint };
    group.elements.push(el);
    groups.set(key, group);
    waiting.add(el);
  }
  for (const [url, { elements, answer, endpoint }] of groups) {
    const tags = [...new Set(elements.map((el) => el.localName.slice('citylab-'.length)))];
    fetch(`${url}&elements=${tags.join(',')}`, { credentials: 'omit' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))))
      .then((html) => show(doc, html, elements, answer, endpoint, load))
      // No frames: the code now, and the element shows its own loading state or its answer, as without the flag.
      .catch(() => elements.forEach((el) => load(el.localName)));
  }
  return waiting;
}

function show(doc: Document, html: string, elements: Element[], answerUrl: string, endpoint: string, load: Load): void {
  const parsed = new DOMParser().parseFromString(htmlPolicy()!.createHTML(html) as string, 'text/html');
  const frames = [...parsed.body.children];
  // The answer the frames show, for the elements' `availability` when their code arrives.
  const answer = takePrefetched(answerUrl)?.then((r) => (r.ok ? r.json() : undefined)).catch(() => undefined);
  for (const el of elements) {
    const frame = frames.find((f) => f.localName === el.localName);
    const content = frame?.querySelector('template')?.content;
    // Its code came first (a tag elsewhere on the page needed it): the element shows itself.
    if (!frame || !content || customElements.get(el.localName) || el.shadowRoot) {
      load(el.localName);
      continue;
    }
    const root = el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [...content.querySelectorAll('style')].map((style) => (style.remove(), sheetOf(style.textContent ?? '')));
    root.append(doc.importNode(content, true));
    // `status`, `state` and `server-rendered`: a shop's CSS and citylab.css read them.
    for (const { name, value } of frame.attributes) if (!el.hasAttribute(name)) el.setAttribute(name, value);
    // The shopper sees the product: counted as the element counts it once its answer is shown (insights.ts).
    (el as Element & Countable & { [COUNTING_ENDPOINT]?: string })[COUNTING_ENDPOINT] = endpoint;
    count(el, 'view');
    if (el.localName === 'citylab-store-finder') count(el, 'finder-search');
    awaitIntent(el, root, answer, load);
  }
}

/** Loads the code on the first sign of intent; carries typed text, focus and a tap over to the element's own frame. */
function awaitIntent(el: Element, root: ShadowRoot, answer: Promise<unknown> | undefined, load: Load): void {
  const tag = el.localName;
  const controls = () => [...root.querySelectorAll<HTMLElement>(CONTROLS)];
  let tapped = -1;
  let focusedAt = -1;
  let woken = false;
  const typed = new Map<number, string>();
  const intent = () => {
    if (woken) return;
    woken = true;
    void Promise.resolve(answer).then(async (data) => {
      if (data && !customElements.get(tag)) (el as Element & { availability?: unknown }).availability = data;
      load(tag);
      await customElements.whenDefined(tag);
      await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
      root.removeEventListener('click', onClick, true);
      root.removeEventListener('submit', onSubmit, true);
      const now = controls();
      for (const [i, value] of typed) {
        const input = now[i] as HTMLInputElement | undefined;
        if (input && 'value' in input && input.value !== value) {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
      }
      const focused = now[focusedAt];
      if (focusedAt >= 0 && tapped < 0) focused?.focus();
      if (tapped >= 0) now[tapped]?.click();
    });
  };
  const onClick = (event: Event) => {
    const target = event.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.matches(CONTROLS));
    intent();
    // A link works without the code (a route, a phone call); anything else waits for it.
    if (!target || target.localName === 'a' || customElements.get(tag)) return;
    event.preventDefault();
    tapped = controls().indexOf(target);
  };
  const onSubmit = (event: Event) => event.preventDefault();
  root.addEventListener('click', onClick, true);
  root.addEventListener('submit', onSubmit, true);
  root.addEventListener('input', (event) => {
    const i = controls().indexOf(event.composedPath()[0] as HTMLElement);
    if (i >= 0 && !customElements.get(tag)) typed.set(i, (event.composedPath()[0] as HTMLInputElement).value);
  });
  root.addEventListener('focusin', (event) => {
    if (!customElements.get(tag)) focusedAt = controls().indexOf(event.composedPath()[0] as HTMLElement);
  });
  for (const type of INTENT) el.addEventListener(type, intent, { once: true, passive: true });
}
