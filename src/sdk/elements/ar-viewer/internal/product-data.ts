/**
 * The product behind a viewer's GTIN, from the endpoint's availability answer
 * (the same request <citylab-store-finder> makes for it: the shared client
 * makes it once): its name, model, poster and size, and in how many shops in
 * town the shopper can see it.
 */
import { isServer } from 'lit';
import type { CitylabClient, Result } from '../../../client/client.js';
import type { Availability, Product } from '../../../contract/schemas.js';
import { inShop } from '../../internal/availability.js';
import { NO_ENDPOINT } from '../../internal/citylab-element.js';
import type { Failure } from '../../internal/events.js';

export type DataPhase = 'idle' | 'loading' | 'done' | 'error';

export interface ProductPorts {
  host: { requestUpdate(): void };
  api: () => CitylabClient | undefined;
  /** No endpoint (kind `config`), or the endpoint could not answer. */
  failed: (failure: Failure) => void;
  /** The endpoint's answer is there. */
  loaded: (answer: Availability) => void;
}

export class ProductData {
  phase: DataPhase = 'idle';
  product?: Product;
  /** Shops in town that have it in stock or on display. */
  shopCount = 0;
  /** Some of them only have it on display. */
  shopsWithDisplay = false;
  private token = 0;

  constructor(private readonly ports: ProductPorts) {}

  private set(changes: Partial<Pick<ProductData, 'phase' | 'product' | 'shopCount' | 'shopsWithDisplay'>>): void {
    Object.assign(this, changes);
    this.ports.host.requestUpdate();
  }

  /** The page's newer answer: shown as it is, and an answer still on its way is superseded. */
  take(answer: Availability): void {
    this.token++;
    this.show(answer);
  }

  /** An answer for the product: what the viewer shows of it. */
  private show(answer: Availability): void {
    const offers = answer.offers.filter(inShop);
    this.set({
      product: answer.product,
      shopCount: new Set(offers.map((o) => o.store.id)).size,
      shopsWithDisplay: offers.some((o) => o.availability === 'on_display_to_order'),
      phase: 'done',
    });
  }

  /**
   * Loads the product (again); a newer call supersedes an older one still on its way. `given`, the
   * page's own answer for it (see `givenAnswer`), is shown at once and stays until the fresh one is here.
   */
  async load(gtin: string | undefined, given?: Availability): Promise<void> {
    const token = ++this.token;
    if (given) this.show(given);
    else this.set({ product: undefined, shopCount: 0 });
    if (!gtin) {
      this.set({ phase: 'idle' });
      return;
    }
    // On a server (Lit SSR) it renders what the browser's first frame shows: the page's answer, else the answer still on its way.
    if (isServer) {
      if (!given) this.set({ phase: 'loading' });
      return;
    }
    const api = this.ports.api();
    if (!api) {
      this.set({ phase: 'error' });
      this.ports.failed(NO_ENDPOINT);
      return;
    }
    if (!given) this.set({ phase: 'loading' });
    let result: Result<Availability>;
    try {
      result = await api.availability({ gtin });
    } catch (err) {
      result = { ok: false, error: { kind: 'network', message: String(err) } };
    }
    if (token !== this.token) return;
    if (!result.ok) {
      this.set({ phase: 'error' });
      this.ports.failed(result.error);
      return;
    }
    this.show(result.data);
    this.ports.loaded(result.data);
  }
}
