/**
 * The language an element speaks: its own `lang`, the nearest `lang` around it,
 * the page's `lang`, then the browser's languages; German when none of them is
 * German or English (the product is for German town centres).
 */
export type Lang = 'de' | 'en';

export function pickLang(value: string | null | undefined): Lang | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'de' || primary === 'en' ? primary : undefined;
}

export function resolveLang(element: Element): Lang {
  const own = element.closest('[lang]')?.getAttribute('lang');
  const fromTree = pickLang(own) ?? pickLang(element.ownerDocument.documentElement.lang);
  if (fromTree) return fromTree;
  for (const l of navigator.languages ?? [navigator.language]) {
    const picked = pickLang(l);
    if (picked) return picked;
  }
  return 'de';
}

/** BCP 47 locale for Intl formatting. */
export const localeOf = (lang: Lang) => (lang === 'de' ? 'de-DE' : 'en-GB');
