/**
 * Opens a shop's page (test/browser/host-pages.mjs) in an iframe of the test page: same origin
 * as the test, another origin than the endpoint. The test reads the page's own record of what
 * happened (`__host`) and the elements inside it.
 */
import { waitUntil } from '@open-wc/testing';
import { testEnv } from './test-env.js';

export interface HostReport {
  keys: string[];
  violations: string[];
  errors: string[];
  rejections: string[];
  warnings: string[];
  shifts: { value: number; nodes: string[] }[];
}

export interface HostPage {
  frame: HTMLIFrameElement;
  win: Window & { __host: HostReport };
  doc: Document;
  report: HostReport;
  /** An element of the page, and inside its shadow root. */
  el(tag: string): HTMLElement;
  $(tag: string, selector: string): HTMLElement | null;
  text(tag: string): string;
  close(): void;
}

export type HostParams = Record<string, string | string[] | undefined>;

/** Text as a person reads it (no-break spaces as spaces). */
export const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

export async function openHostPage(params: HostParams, size: { width: number; height?: number } = { width: 800, height: 900 }): Promise<HostPage> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of v === undefined ? [] : Array.isArray(v) ? v : [v]) query.append(k, one);
  const frame = document.createElement('iframe');
  frame.style.width = `${size.width}px`;
  frame.style.height = `${size.height ?? 900}px`;
  frame.style.border = '0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/host-page.html?${query}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostPage['win'];
  const doc = frame.contentDocument!;
  return {
    frame,
    win,
    doc,
    get report() {
      return win.__host;
    },
    el: (tag) => doc.querySelector<HTMLElement>(tag)!,
    $: (tag, selector) => doc.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null,
    text: (tag) => read(doc.querySelector(tag)?.shadowRoot?.textContent),
    close: () => frame.remove(),
  };
}

export const endpoint = testEnv.endpoint;

/** The three elements of a host page (gtin and store of the test town) show their content, then two frames pass. */
export async function contentShown(page: HostPage): Promise<void> {
  await waitUntil(
    () =>
      page.$('citylab-ar-viewer', '.stage:not(.pending)') &&
      page.el('citylab-click-collect').getAttribute('status') === 'available' &&
      page.$('citylab-store-finder', '.offer:not(.skeleton)'),
    'the elements did not show their content',
    { timeout: 10_000 },
  );
  await new Promise((resolve) => page.win.requestAnimationFrame(() => page.win.requestAnimationFrame(resolve)));
}
