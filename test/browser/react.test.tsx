/**
 * The elements in React 19, rendered with react-dom into this page against the real
 * test endpoint, both ways an agency writes them:
 *
 * - the plain tags: React 19 sets each prop the element has as a property, any other as
 *   an attribute, and adds `on<event name>` functions as listeners (typed by
 *   src/sdk/react/jsx.ts, i.e. `citylab-sdk/react/jsx`);
 * - the @lit/react wrappers of `citylab-sdk/react`, with `onCitylab…` event props.
 *
 * Each render checks that the element upgraded, got its properties (`endpoint` as a
 * property: no attribute appears, and the data still comes from that endpoint) and that
 * one of its events reached the React handler with its detail. The `@ts-expect-error`
 * lines at the end are type errors that `tsc --noEmit -p tsconfig.json` must keep finding.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { CitylabArViewer as ArViewerElement } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import type { CitylabClickCollect as ClickCollectElement } from '../../src/sdk/elements/click-collect/click-collect.js';
import type { CitylabStoreFinder as StoreFinderElement } from '../../src/sdk/elements/store-finder/store-finder.js';
import type { CitylabErrorDetail, CitylabFindInStoreDetail, CitylabStoreSelectDetail } from '../../src/sdk/events.js';
import { arViewer } from '../../src/sdk/react/ar-viewer.js';
import { clickCollect } from '../../src/sdk/react/click-collect.js';
import type { CitylabElementEntry } from '../../src/sdk/react/element-spec.js';
import { citylabElements } from '../../src/sdk/react/elements.js';
import { storeFinder } from '../../src/sdk/react/store-finder.js';
import { CitylabArViewer, CitylabClickCollect, CitylabStoreFinder } from '../../src/sdk/react/index.js';
import type { CitylabIntrinsicElements } from '../../src/sdk/react/jsx.js';
import { LAMP, UNKNOWN } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const ep = testEnv.endpoint;
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
/** Text as a person reads it (Intl's no-break spaces read as spaces). */
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

let root: Root | undefined;
let container: HTMLElement | undefined;

/** Renders into a fresh container and commits at once (effects included), as a page's first render. */
function render(ui: ReactNode): HTMLElement {
  container ??= document.body.appendChild(document.createElement('div'));
  root ??= createRoot(container);
  flushSync(() => root!.render(ui));
  return container;
}

/** The element of `spec` that React rendered, once it has upgraded and rendered. */
async function rendered<E extends LitElement>(spec: CitylabElementEntry, into: HTMLElement): Promise<E> {
  const el = into.querySelector(spec.tag);
  expect(el, `<${spec.tag}> in the page`).to.exist;
  expect(el, 'upgraded to its class').to.be.instanceOf(spec.elementClass);
  await (el as E).updateComplete;
  return el as E;
}

/** `endpoint` arrived as a property: the element has it, and no attribute was written. */
function expectEndpointProperty(el: HTMLElement & { endpoint?: string }): void {
  expect(el.endpoint).to.equal(ep);
  expect(el.hasAttribute('endpoint'), 'endpoint was set as an attribute').to.equal(false);
}

before(async () => {
  await ensureTown();
});

afterEach(() => {
  root?.unmount();
  container?.remove();
  root = undefined;
  container = undefined;
  // The finder's "Reservieren" places a dialog-only element beside it; it goes with the test.
  for (const spawned of document.querySelectorAll('citylab-click-collect[data-dialog-only]')) spawned.remove();
});

describe("the wrappers' entries (src/sdk/react/element-spec.ts) against the sources", () => {
  it('names each registered tag with its class, the attributes Lit observes, the events the JSDoc documents, and keeps documented read-only attributes out of JSX', async () => {
    const response = await fetch('/packages/citylab-sdk/custom-elements.json');
    expect(response.status, 'custom-elements.json (npm run build)').to.equal(200);
    const manifest = (await response.json()) as {
      modules: {
        declarations?: {
          name: string;
          customElement?: boolean;
          tagName?: string;
          events?: { name: string }[];
          attributes?: { name: string; fieldName?: string; description?: string }[];
          members?: { name: string; readonly?: boolean; description?: string }[];
        }[];
      }[];
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
    expect(citylabElements.map((s) => s.elementClass.name).sort(), 'one entry per element of the manifest').to.deep.equal(declarations.map((d) => d.name).sort());

    for (const spec of citylabElements) {
      expect(customElements.get(spec.tag), `${spec.tag} registered by the wrappers' import`).to.equal(spec.elementClass);

      const litClass = spec.elementClass as unknown as typeof LitElement;
      const observed = [...litClass.elementProperties]
        .filter(([, options]) => options.attribute !== false)
        .map(([property, options]) => [typeof options.attribute === 'string' ? options.attribute : String(property).toLowerCase(), property]);
      expect(Object.entries(spec.attributes).sort(), `${spec.tag}: attributes → properties`).to.deep.equal(observed.sort());
      for (const attribute of spec.readOnly) {
        const property = spec.attributes[attribute as keyof typeof spec.attributes] as string;
        expect(litClass.elementProperties.get(property)?.reflect, `${spec.tag}[${attribute}] is reflected for CSS`).to.equal(true);
      }

      const declaration = declarations.find((d) => d.name === spec.elementClass.name)!;
      if (declaration.tagName) expect(declaration.tagName).to.equal(spec.tag);
      expect([...spec.events].sort(), `${spec.tag}: events`).to.deep.equal((declaration.events ?? []).map((e) => e.name).sort());
      // What the manifest marks read-only (the schema's `readonly`, or the words) the JSX typings must not offer as input.
      const fields = new Map((declaration.members ?? []).map((m) => [m.name, m]));
      const documentedReadOnly = (declaration.attributes ?? []).filter((a) => {
        const field = a.fieldName ? fields.get(a.fieldName) : undefined;
        return field?.readonly === true || /read-only/i.test(`${a.description ?? ''} ${field?.description ?? ''}`);
      });
      for (const attribute of documentedReadOnly) expect(spec.readOnly, `${spec.tag}: read-only attributes`).to.include(attribute.name);
    }
  });
});

describe('plain tags in React 19 (citylab-sdk/react/jsx)', () => {
  it('<citylab-store-finder>: properties, attributes, the endpoint as a property, oncitylab-store-select', async () => {
    const selected: CitylabStoreSelectDetail[] = [];
    const page = render(
      <div lang="en">
        <citylab-store-finder
          gtin={LAMP}
          store="licht-haus"
          endpoint={ep}
          limit={1}
          in-stock-only
          oncitylab-store-select={(event) => selected.push(event.detail)}
        />
      </div>,
    );
    const el = await rendered<StoreFinderElement>(storeFinder, page);
    expectEndpointProperty(el);
    expect(el.gtin).to.equal(LAMP);
    expect(el.limit, 'a number prop arrives as a number').to.equal(1);
    expect(el.inStockOnly, 'the in-stock-only attribute').to.equal(true);
    await waitUntil(() => $(el, '[data-store="licht-haus"] .actions button.primary'), 'the finder did not list the shop', { timeout: 8000 });
    expect(read($(el, '[data-store="licht-haus"]')!.textContent)).to.include('Licht & Haus').and.include('In stock');

    $(el, '[data-store="licht-haus"] .actions button.primary')!.click();
    expect(selected.map((d) => [d.store.id, d.action, d.offer.gtin])).to.deep.equal([['licht-haus', 'reserve', LAMP]]);
  });

  it('<citylab-click-collect>: availability from the endpoint, then a new gtin and oncitylab-error', async () => {
    const errors: CitylabErrorDetail[] = [];
    const ui = (gtin: string) => (
      <citylab-click-collect gtin={gtin} store="licht-haus" endpoint={ep} lang="de" oncitylab-error={(event) => errors.push(event.detail)} />
    );
    const el = await rendered<ClickCollectElement>(clickCollect, render(ui(LAMP)));
    expectEndpointProperty(el);
    expect(el.store).to.equal('licht-haus');
    await waitUntil(() => el.status === 'available', `status ${el.status}`, { timeout: 8000 });

    render(ui(UNKNOWN));
    expect(el.gtin, 'a re-render updates the property').to.equal(UNKNOWN);
    await waitUntil(() => errors.length > 0, 'no citylab-error reached the handler', { timeout: 8000 });
    expect(errors[0]).to.include({ element: 'citylab-click-collect', code: 'product-not-found' });
  });

  it('<citylab-ar-viewer>: shops from the endpoint, and oncitylab-find-in-store (cancelled by the page)', async () => {
    const found: CitylabFindInStoreDetail[] = [];
    const page = render(
      <citylab-ar-viewer
        gtin={LAMP}
        endpoint={ep}
        loading="eager"
        ar-placement="wall"
        lang="de"
        oncitylab-find-in-store={(event) => {
          event.preventDefault();
          found.push(event.detail);
        }}
      />,
    );
    const el = await rendered<ArViewerElement>(arViewer, page);
    expectEndpointProperty(el);
    expect(el.loading).to.equal('eager');
    expect(el.arPlacement, 'the ar-placement attribute').to.equal('wall');
    await waitUntil(() => $(el, '[part~="stock-button"]'), 'no "in N shops" line', { timeout: 8000 });
    $(el, '[part~="stock-button"]')!.click();
    // Licht & Haus (5) and Keramik König (2) have the lamp; Wohnen am Steinweg has none.
    expect(found).to.deep.equal([{ gtin: LAMP, count: 2 }]);
  });
});

describe('the wrappers (citylab-sdk/react)', () => {
  it('<CitylabStoreFinder>: properties, the endpoint as a property, onCitylabStoreSelect', async () => {
    const selected: CitylabStoreSelectDetail[] = [];
    const page = render(<CitylabStoreFinder gtin={LAMP} endpoint={ep} inStockOnly limit={2} lang="de" onCitylabStoreSelect={(event) => selected.push(event.detail)} />);
    const el = await rendered<StoreFinderElement>(storeFinder, page);
    expectEndpointProperty(el);
    expect([el.gtin, el.inStockOnly, el.limit]).to.deep.equal([LAMP, true, 2]);
    await waitUntil(() => $(el, '[data-store="licht-haus"] .actions button.primary'), 'the finder did not list the shop', { timeout: 8000 });
    expect(read($(el, '[data-store="licht-haus"]')!.textContent)).to.include('Vorrätig');
    $(el, '[data-store="licht-haus"] .actions button.primary')!.click();
    expect(selected.map((d) => [d.store.id, d.action])).to.deep.equal([['licht-haus', 'reserve']]);
  });

  it('<CitylabClickCollect>: availability from the endpoint, then a new gtin and onCitylabError', async () => {
    const errors: CitylabErrorDetail[] = [];
    const ui = (gtin: string) => <CitylabClickCollect gtin={gtin} store="licht-haus" endpoint={ep} lang="de" onCitylabError={(event) => errors.push(event.detail)} />;
    const el = await rendered<ClickCollectElement>(clickCollect, render(ui(LAMP)));
    expectEndpointProperty(el);
    await waitUntil(() => el.status === 'available', `status ${el.status}`, { timeout: 8000 });
    render(ui(UNKNOWN));
    await waitUntil(() => errors.length > 0, 'no citylab-error reached the handler', { timeout: 8000 });
    expect(errors[0]).to.include({ element: 'citylab-click-collect', code: 'product-not-found' });
  });

  it('<CitylabArViewer>: shops from the endpoint, and onCitylabFindInStore', async () => {
    const found: CitylabFindInStoreDetail[] = [];
    const page = render(
      <CitylabArViewer
        gtin={LAMP}
        endpoint={ep}
        arPlacement="wall"
        lang="de"
        onCitylabFindInStore={(event) => {
          event.preventDefault();
          found.push(event.detail);
        }}
      />,
    );
    const el = await rendered<ArViewerElement>(arViewer, page);
    expectEndpointProperty(el);
    expect(el.arPlacement).to.equal('wall');
    await waitUntil(() => $(el, '[part~="stock-button"]'), 'no "in N shops" line', { timeout: 8000 });
    $(el, '[part~="stock-button"]')!.click();
    expect(found).to.deep.equal([{ gtin: LAMP, count: 2 }]);
  });
});

// ----------------------------------------------------------------- checked by tsc only

/** Every registered `citylab-…` tag has JSX typings. */
type RegisteredTags = Extract<keyof HTMLElementTagNameMap, `citylab-${string}`>;
export const everyTagTyped: [Exclude<RegisteredTags, keyof CitylabIntrinsicElements>] extends [never] ? true : never = true;

/** Never rendered: each marked line must stay a type error. */
export const wrongProps = (): ReactNode => (
  <>
    <citylab-store-finder
      // @ts-expect-error `limit` is a number
      limit="three"
    />
    {/* @ts-expect-error no such prop (a misspelt gtin) */}
    <citylab-store-finder gtn={LAMP} />
    <citylab-ar-viewer
      // @ts-expect-error `loading` is intent | lazy | eager
      loading="soon"
    />
    <citylab-ar-viewer
      // @ts-expect-error `state` only reports the viewer's state
      state="ready"
    />
    <citylab-click-collect
      // @ts-expect-error `client` is a CitylabClient, not an endpoint URL
      client={ep}
    />
    <citylab-store-finder
      // @ts-expect-error the detail of citylab-store-select has no `code`
      oncitylab-store-select={(event) => event.detail.code}
    />
    <CitylabClickCollect
      // @ts-expect-error the detail of citylab-reserved has no `email`: no personal data in events
      onCitylabReserved={(event) => event.detail.email}
    />
    <CitylabStoreFinder
      // @ts-expect-error the finder fires no citylab-reserved
      onCitylabReserved={() => undefined}
    />
  </>
);
