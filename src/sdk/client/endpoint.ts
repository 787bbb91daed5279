/**
 * Which endpoint an element talks to: its `endpoint` property (what lit's
 * `.endpoint=${url}` and React 19 set), else its `endpoint` attribute (an
 * element whose code has not arrived yet has only that); else
 * `<meta name="citylab:endpoint" content="…">` on the page; else the origin the
 * script-tag bundle was loaded from. So the snippet a shop owner pastes from
 * their town's endpoint needs no configuration at all.
 */

let scriptOrigin: string | undefined;

/** Called by the script-tag entry with its own URL. */
export function setDefaultEndpoint(url: string): void {
  scriptOrigin = new URL(url).origin;
}

export function resolveEndpoint(element: Element): string | undefined {
  const property = (element as { endpoint?: unknown }).endpoint;
  const own = (typeof property === 'string' ? property.trim() : '') || element.getAttribute('endpoint')?.trim();
  const fromMeta = element.ownerDocument.querySelector<HTMLMetaElement>('meta[name="citylab:endpoint"]')?.content.trim();
  const chosen = own || fromMeta || scriptOrigin;
  if (!chosen) return undefined;
  try {
    return new URL(chosen, element.ownerDocument.baseURI).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}
