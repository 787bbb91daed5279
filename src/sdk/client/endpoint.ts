/**
 * Which endpoint an element talks to: its `endpoint` property or attribute; else
 * `<meta name="citylab:endpoint" content="…">` on the page; else the origin
 * the script-tag bundle was loaded from. So the snippet a shop owner pastes
 * from their town's endpoint needs no configuration at all.
 */

let scriptOrigin: string | undefined;

/** Called by the script-tag entry with its own URL. */
export function setDefaultEndpoint(url: string): void {
  scriptOrigin = new URL(url).origin;
}

export function resolveEndpoint(element: Element): string | undefined {
  // The property first: React 19 and the @lit/react wrappers set `endpoint` as a property, which
  // does not reflect to the attribute; an attribute sets the property too once the element upgraded.
  const own = (element as { endpoint?: unknown }).endpoint;
  const fromElement = (typeof own === 'string' ? own : element.getAttribute('endpoint'))?.trim();
  const fromMeta = element.ownerDocument.querySelector<HTMLMetaElement>('meta[name="citylab:endpoint"]')?.content.trim();
  const chosen = fromElement || fromMeta || scriptOrigin;
  if (!chosen) return undefined;
  try {
    return new URL(chosen, element.ownerDocument.baseURI).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}
