/**
 * Registers a custom element once. A second copy of the SDK on the same page
 * (a shop builder plus an agency's bundle, say) warns instead of throwing.
 *
 * When an element of the tag already on the page speaks English, its words are
 * fetched first (`wordsFor`, see citylab-element.ts): until then the tag stays
 * undefined, so citylab.css keeps its space and its first render is in English.
 */
type Definable = CustomElementConstructor & { wordsFor?(tag: string): Promise<void> | undefined };

export function defineElement(tag: string, ctor: Definable): void {
  const define = () => {
    const existing = customElements.get(tag);
    if (existing) {
      if (existing !== ctor) console.warn(`citylab: <${tag}> is already defined by another copy of the SDK; keeping the first.`);
      return;
    }
    customElements.define(tag, ctor);
  };
  const words = ctor.wordsFor?.(tag);
  if (words) void words.then(define);
  else define();
}
