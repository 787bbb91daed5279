/**
 * Driving pages whose elements live in shadow roots (the dashboards, the demo's shop pages with
 * the SDK's elements) from node tests through puppeteer: page scripts with `q(selector)` and `qa(selector)` that search every shadow root (and
 * `type(selector, value)`, `button(scope, text)`), waiting for a condition with a failure that says
 * what the screen showed instead, and axe's serious and critical findings.
 *
 * Page scripts are strings: tsx would add helpers to a function that the page does not have.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const FINDERS = `
  const all = (root, sel, out = []) => {
    out.push(...root.querySelectorAll(sel));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, sel, out);
    return out;
  };
  const q = (sel) => all(document, sel)[0];
  const qa = (sel) => all(document, sel);
  const type = (sel, value) => { const el = q(sel); el.value = value; el.dispatchEvent(new Event('input', { bubbles: true, composed: true })); };
  const button = (scope, text) => [...(q(scope).shadowRoot ?? q(scope)).querySelectorAll('button')].find((b) => b.textContent.trim() === text);
`;
const inShadows = (fn: string) => `(() => { ${FINDERS} return (${fn})(); })()`;
/**
 * A condition waited for: one that throws (the element it reads is not rendered yet) is not met
 * yet. Thrown inside puppeteer's poller it would end the polling, and the wait would run into its
 * timeout although the page got there.
 */
const notYetOnThrow = (fn: string) => `(() => { ${FINDERS} try { return (${fn})(); } catch { return false; } })()`;

/** Runs `fn` (a script string) on the page, with the finders above. */
export const inDashboard = <T>(page: Page, fn: string): Promise<T> => page.evaluate(inShadows(fn)) as Promise<T>;

/** The element `fn` returns, as a handle (for puppeteer's own actions, e.g. `uploadFile`). */
export const handleInDashboard = (page: Page, fn: string) => page.evaluateHandle(inShadows(fn));

const errorsOf = new WeakMap<Page, string[]>();

/** Collects the page's errors and console errors from now on; the array fills as they come. */
export function pageErrors(page: Page): string[] {
  let errors = errorsOf.get(page);
  if (!errors) {
    const list: string[] = [];
    page.on('pageerror', (err) => list.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') list.push(msg.text());
    });
    errorsOf.set(page, (errors = list));
  }
  return errors;
}

/**
 * Waits until `fn` is truthy; a timeout names what was awaited (`what`, else the condition), the
 * screen's text and the page's errors.
 */
export async function waitInDashboard(page: Page, fn: string, timeout = 10_000, what = `waiting for ${fn}`): Promise<void> {
  await page.waitForFunction(notYetOnThrow(fn), { timeout, polling: 50 }).catch(async (err: Error) => {
    const text = await page.evaluate(`(() => {
      const walk = (root) => [...root.childNodes].map((n) => n.shadowRoot ? walk(n.shadowRoot) : n.nodeType === 3 ? n.textContent : walk(n)).join(' ');
      return walk(document.body).replace(/\\s+/g, ' ').slice(0, 1500);
    })()`).catch(() => '');
    throw new Error(`${what}: ${err.message}\nscreen: ${text}\npage errors: ${(errorsOf.get(page) ?? []).join('; ')}`);
  });
}

/** Serious and critical axe violations on the page as it is, shadow roots included. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe'))?.toString().includes('object')) await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
