/**
 * Which endpoint an element talks to: its `endpoint` attribute; else
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
  const fromAttribute = element.getAttribute('endpoint')?.trim();
  const fromMeta = element.ownerDocument.querySelector<HTMLMetaElement>('meta[name="citylab:endpoint"]')?.content.trim();
  const chosen = fromAttribute || fromMeta || scriptOrigin;
  if (!chosen) return undefined;
  try {
    return new URL(chosen, element.ownerDocument.baseURI).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}
