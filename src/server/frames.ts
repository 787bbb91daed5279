/**
 * The elements' first frames, rendered by the endpoint with Lit SSR (`@lit-labs/ssr`, as an
 * agency's Next.js or Astro site renders them): each tag with its declarative shadow root,
 * showing the product's availability as `/v1/availability` answers it (the elements'
 * `availability` property), in the page's language. A shop whose pages come from a server
 * without Node (PHP, WordPress, Shopware) includes them in its HTML, so the shopper sees the
 * stock before any script has run; the elements take the frame over when their code arrives
 * (citylab-element.ts) and keep it until their own answer. Nothing is written twice: these are
 * the elements' own templates.
 *
 * The SDK's elements and Lit's server renderer load on the first request, not at start.
 */
import type { Availability, FRAME_ELEMENTS } from 'citylab-sdk/contract';

export type FrameElement = (typeof FRAME_ELEMENTS)[number];

export interface FrameInput {
  elements: readonly FrameElement[];
  /** The product as the page names it: its GTIN, or the shop's article number. */
  gtin?: string | undefined;
  store?: string | undefined;
  sku?: string | undefined;
  lang: 'de' | 'en';
  /** The endpoint's public URL: the product's model and poster are resolved against it. */
  endpoint: string;
  availability: Availability;
  /** The moment opening and pickup times are rendered for. */
  now: Date;
}

type Renderer = (input: FrameInput) => string;
let renderer: Promise<Renderer> | undefined;

async function loadRenderer(): Promise<Renderer> {
  const [{ render }, { collectResultSync }, { html }, { ifDefined }] = await Promise.all([
    import('@lit-labs/ssr'),
    import('@lit-labs/ssr/lib/render-result.js'),
    import('lit'),
    import('lit/directives/if-defined.js'),
  ]);
  await import('citylab-sdk/define');
  // A tag is defined once both languages' words are loaded (citylab-element.ts).
  await Promise.all(['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder'].map((tag) => customElements.whenDefined(tag)));
  // One template per tag: Lit SSR renders a shadow root only for a tag in a template's static part.
  const templates: Record<FrameElement, (i: FrameInput) => unknown> = {
    'ar-viewer': (i) => html`<citylab-ar-viewer gtin=${i.availability.gtin} endpoint=${i.endpoint} lang=${i.lang} .availability=${i.availability}></citylab-ar-viewer>`,
    'click-collect': (i) =>
      html`<citylab-click-collect gtin=${ifDefined(i.gtin)} store=${ifDefined(i.store)} sku=${ifDefined(i.sku)} endpoint=${i.endpoint} lang=${i.lang} .availability=${i.availability} .now=${i.now}></citylab-click-collect>`,
    'store-finder': (i) =>
      html`<citylab-store-finder gtin=${ifDefined(i.gtin)} store=${ifDefined(i.store)} sku=${ifDefined(i.sku)} endpoint=${i.endpoint} lang=${i.lang} .availability=${i.availability} .now=${i.now}></citylab-store-finder>`,
  };
  return (input) => compact(input.elements.map((element) => collectResultSync(render(templates[element](input)))).join('\n'));
}

/**
 * Less to send and to include: without Lit's part markers (`<!--lit-part-->`, `<?>`: for its
 * hydration, which the elements do not use), the comments of the elements' CSS, and runs of whitespace (no element text keeps
 * them: none has `white-space: pre`). Selectors keep their spaces (`.a ::slotted(img)`).
 */
function compact(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->|<\?>/g, '')
    .replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/[ \t\n\r\f]+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').trim()}</style>`)
    // HTML's own whitespace only: the no-break spaces of "89,00 €" and "09:30 Uhr" stay.
    .replace(/[ \t\n\r\f]{2,}/g, ' ');
}

/** The elements' markup, each with its shadow root, in the order asked. */
export async function renderFrames(input: FrameInput): Promise<string> {
  renderer ??= loadRenderer().catch((err: unknown) => {
    renderer = undefined;
    throw err;
  });
  return (await renderer)(input);
}
