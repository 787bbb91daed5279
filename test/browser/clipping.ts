/**
 * Text a shopper cannot read in full: any element inside the elements' shadow roots (nested
 * ones too) whose own text is cut off — it scrolls or is clipped sideways, it ends in an
 * ellipsis, or it sticks out of the element's host box. Visually hidden labels (clipped on
 * purpose for screen readers) are left out.
 */
export function clippedTexts(host: Element): string[] {
  const found: string[] = [];
  const hostBox = host.getBoundingClientRect();
  const walk = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
      if (!own || !el.getClientRects().length) continue;
      const cs = getComputedStyle(el);
      if (cs.position === 'absolute' && (cs.clip !== 'auto' || cs.clipPath !== 'none')) continue;
      if (el.closest('dialog:not([open])')) continue;
      const label = `<${el.localName}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> "${own.slice(0, 60)}"`;
      if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) found.push(`${label}: ellipsis`);
      else if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) found.push(`${label}: cut at ${el.clientWidth} of ${el.scrollWidth} px`);
      else {
        // Text that runs out of its host's box (nowrap in a narrow column), unless it is in the open
        // dialog, which is laid out against the viewport rather than the host.
        const box = el.closest('dialog') ? { left: 0, right: innerWidth } : hostBox;
        for (const n of el.childNodes) {
          if (n.nodeType !== Node.TEXT_NODE || !n.textContent!.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const r = range.getBoundingClientRect();
          if (r.width && (r.left < box.left - 1 || r.right > box.right + 1)) found.push(`${label}: runs out of the box (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`);
        }
      }
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  return found;
}

/** The page scrolls sideways. */
export const scrollsSideways = () => document.documentElement.scrollWidth > innerWidth || document.body.scrollWidth > innerWidth;
