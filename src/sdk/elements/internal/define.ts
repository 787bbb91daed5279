/**
 * Registers a custom element once. A second copy of the SDK on the same page
 * (a shop builder plus an agency's bundle, say) warns instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) console.warn(`citylab: <${tag}> is already defined by another copy of the SDK; keeping the first.`);
    return;
  }
  customElements.define(tag, ctor);
}
