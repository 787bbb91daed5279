/**
 * The snippet for the shop's own website: pick an element, a product from the
 * shop's stock, an accent colour and a language; see the element live (the
 * real SDK from this endpoint); copy the code. Besides plain HTML (Jimdo, Wix,
 * IONOS and other website builders), versions for the shop systems small shops
 * use, with the product's GTIN from the system's own template variable so that
 * one snippet serves every product page.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DashboardApi } from './api.js';
import type { StockItem } from './stock-csv.js';
import type { Lang, Strings } from './strings.js';
import { base } from './styles.js';

export const ELEMENTS = ['citylab-store-finder', 'citylab-click-collect', 'citylab-ar-viewer'] as const;
type ElementName = (typeof ELEMENTS)[number];

/** Where each system keeps the product's GTIN/EAN, as its templates write it. */
export const SYSTEMS = {
  html: { gtin: null },
  shopify: { gtin: '{{ product.selected_or_first_available_variant.barcode }}' },
  woocommerce: { gtin: '<?php echo esc_attr( $product->get_global_unique_id() ); ?>' },
  shopware: { gtin: '{{ page.product.ean }}' },
  jtl: { gtin: '{$Artikel->cBarcode}' },
} as const;
export type System = keyof typeof SYSTEMS;

interface Sri {
  version: string;
  integrity: Record<string, string>;
}

export function snippet(o: { origin: string; sri: Sri | undefined; element: ElementName; gtin: string; store: string; accent: string; lang: Lang }): string {
  const v = o.sri ? `${o.sri.version}/` : '';
  const integrity = (file: string) => (o.sri?.integrity[file] ? ` integrity="${o.sri.integrity[file]}" crossorigin="anonymous"` : '');
  const storeAttr = o.element === 'citylab-ar-viewer' ? '' : ` store="${o.store}"`;
  const langAttr = o.lang === 'en' ? ' lang="en"' : '';
  return [
    `<link rel="stylesheet" href="${o.origin}/sdk/${v}citylab.css"${integrity('citylab.css')}>`,
    `<script type="module" src="${o.origin}/sdk/${v}citylab.js"${integrity('citylab.js')}></script>`,
    `<style>${o.element} { --citylab-accent: ${o.accent}; }</style>`,
    `<${o.element} gtin="${o.gtin}"${storeAttr}${langAttr}></${o.element}>`,
  ].join('\n');
}

export class DashboardSnippet extends LitElement {
  static override styles = [
    base,
    css`
      .grid { display: grid; gap: 0.75rem; grid-template-columns: 1fr; }
      @media (min-width: 700px) { .grid { grid-template-columns: 1fr 1fr; } }
      select, input[type='color'] { min-height: 44px; font: inherit; border-radius: 8px; border: 1px solid #6b6b70; background: #fff; width: 100%; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: 0.75rem; border-radius: 8px; font-size: 0.9rem; margin: 0; }
      .preview { border: 1px dashed var(--line); border-radius: 10px; padding: 1rem; min-height: 8rem; }
      [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      [role='tab'][aria-selected='true'] { background: var(--accent); color: #fff; border-color: var(--accent); }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: Strings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';
  @property({ attribute: 'store-id' }) storeId = '';

  @state() private items: StockItem[] = [];
  @state() private sri: Sri | undefined;
  @state() private element: ElementName = 'citylab-store-finder';
  @state() private gtin = '';
  @state() private accent = '#0b5cad';
  @state() private snippetLang: Lang = 'de';
  @state() private system: System = 'html';
  @state() private copied = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.snippetLang = this.uiLang;
    const [stock, sri] = await Promise.all([
      this.api.call<{ items: StockItem[] }>('GET', `/v1/stores/${encodeURIComponent(this.storeId)}/inventory`).catch(() => ({ items: [] })),
      this.api.call<Sri>('GET', '/dashboard/sri.json').catch(() => undefined),
    ]);
    this.items = stock.items;
    this.sri = sri;
    this.gtin = stock.items[0]?.gtin ?? '';
    // The live preview is the real SDK of this endpoint (script-src 'self').
    const sdk: string = '/sdk/citylab.js';
    await import(/* @vite-ignore */ sdk).catch(() => undefined);
    this.sdkReady = true;
  }

  @state() private sdkReady = false;

  override updated(): void {
    // The accent through CSSOM: the page's CSP (rightly) allows no style attribute.
    this.renderRoot.querySelector<HTMLElement>('.preview > *')?.style.setProperty('--citylab-accent', this.accent);
    // citylab.js loads an element's code when its tag appears in the document, which does not look
    // inside this screen's shadow root: a tag added and removed at once in the document asks for it.
    if (!this.sdkReady || customElements.get(this.element)) return;
    const stub = document.createElement(this.element);
    document.body.append(stub);
    stub.remove();
    void customElements.whenDefined(this.element).then(() => this.requestUpdate());
  }

  private code(): string {
    const gtin = SYSTEMS[this.system].gtin ?? this.gtin;
    return snippet({ origin: location.origin, sri: this.sri, element: this.element, gtin, store: this.storeId, accent: this.accent, lang: this.snippetLang });
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.code());
      this.copied = true;
    } catch {
      // No clipboard (an insecure context or a refusal): the code stays selectable on screen.
      const pre = this.renderRoot.querySelector('pre');
      if (pre) getSelection()?.selectAllChildren(pre);
    }
  }

  override render() {
    const t = this.t.snippet;
    const preview = this.gtin ? this.previewElement() : nothing;
    return html`
      <h1>${t.heading}</h1>
      <p>${t.intro}</p>
      <div class="grid">
        <div>
          <label for="el">${t.element}</label>
          <select id="el" @change=${(e: Event) => (this.element = (e.target as HTMLSelectElement).value as ElementName)}>
            ${ELEMENTS.map((el) => html`<option value=${el} ?selected=${el === this.element}>${t.elements[el]}</option>`)}
          </select>
        </div>
        <div>
          <label for="product">${t.product}</label>
          <select id="product" @change=${(e: Event) => (this.gtin = (e.target as HTMLSelectElement).value)}>
            ${this.items.map((i) => html`<option value=${i.gtin} ?selected=${i.gtin === this.gtin}>${articleLabel(i)}</option>`)}
          </select>
        </div>
        <div>
          <label for="accent">${t.accent}</label>
          <input id="accent" type="color" .value=${this.accent} @input=${(e: Event) => (this.accent = (e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="lang">${t.language}</label>
          <select id="lang" @change=${(e: Event) => (this.snippetLang = (e.target as HTMLSelectElement).value as Lang)}>
            <option value="de" ?selected=${this.snippetLang === 'de'}>Deutsch</option>
            <option value="en" ?selected=${this.snippetLang === 'en'}>English</option>
          </select>
        </div>
      </div>
      <h2>${t.previewHeading}</h2>
      <div class="preview">${preview}</div>
      <h2>${t.codeHeading}</h2>
      <div role="tablist" aria-label=${t.system}>
        ${(Object.keys(SYSTEMS) as System[]).map((s) => html`<button role="tab" aria-selected=${s === this.system ? 'true' : 'false'} @click=${() => ((this.system = s), (this.copied = false))}>${t.systems[s].name}</button>`)}
      </div>
      <div role="tabpanel" class="stack">
        <p>${t.systems[this.system].guide}</p>
        <pre class="code">${this.code()}</pre>
        <div class="row">
          <button class="primary" @click=${this.copy}>${t.copy}</button>
          <span role="status">${this.copied ? t.copied : ''}</span>
        </div>
      </div>
    `;
  }

  /** The element itself, as the shop's page will show it (its accent is set in updated()). */
  private previewElement() {
    const lang = this.snippetLang;
    switch (this.element) {
      case 'citylab-store-finder':
        return html`<citylab-store-finder gtin=${this.gtin} store=${this.storeId} lang=${lang}></citylab-store-finder>`;
      case 'citylab-click-collect':
        return html`<citylab-click-collect gtin=${this.gtin} store=${this.storeId} lang=${lang}></citylab-click-collect>`;
      case 'citylab-ar-viewer':
        return html`<citylab-ar-viewer gtin=${this.gtin} lang=${lang}></citylab-ar-viewer>`;
    }
  }
}

/** An owner picks an article by its name, as on the stock screen; the numbers tell two of one name apart. */
function articleLabel(i: StockItem): string {
  const name = i.title ?? i.product_name;
  return name ? `${name} (${i.sku} · ${i.gtin})` : `${i.sku} · ${i.gtin}`;
}
