/**
 * Which endpoint an element talks to: its `endpoint` property (what lit's
 * `.endpoint=${url}` and React 19 set), else its `endpoint` attribute (an
 * element whose code has not arrived yet has only that); else
 * `<meta name="citylab:endpoint" content="…">` on the page; else the origin the
 * script-tag bundle was loaded from. So the snippet a shop owner pastes from
 * their town's endpoint needs no configuration at all.
 */

let scriptOrigin: string | undefined;

/** Sets the default endpoint (the script-tag bundle needs no call: see `runningScriptOrigin`). */
export function setDefaultEndpoint(url: string): void {
  scriptOrigin = new URL(url).origin;
}

/**
 * Where the script-tag bundle in charge of this page came from: citylab.ts leaves its URL under
 * this registered symbol. Read from there rather than set by the entry, so that the entry imports
 * nothing the elements' shared chunk holds (a page with the snippet but no element loads 1 KB).
 */
function runningScriptOrigin(): string | undefined {
  const running = (globalThis as { [key: symbol]: { url?: unknown } | undefined })[Symbol.for('citylab.sdk')];
  try {
    return typeof running?.url === 'string' ? new URL(running.url).origin : undefined;
  } catch {
    return undefined;
  }
}

export function resolveEndpoint(element: Element): string | undefined {
  const property = (element as { endpoint?: unknown }).endpoint;
  const own = (typeof property === 'string' ? property.trim() : '') || element.getAttribute('endpoint')?.trim();
  const fromMeta = element.ownerDocument.querySelector<HTMLMetaElement>('meta[name="citylab:endpoint"]')?.content.trim();
  const chosen = own || fromMeta || scriptOrigin || runningScriptOrigin();
  if (!chosen) return undefined;
  try {
    return new URL(chosen, element.ownerDocument.baseURI).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** A URL from the API (a model, a poster) as the browser fetches it: relative ones are the endpoint's. */
export function resolveAgainst(endpoint: string, url: string): string {
  return new URL(url, endpoint + '/').href;
}
