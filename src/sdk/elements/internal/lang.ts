/**
 * The language an element speaks: its own `lang`, the nearest `lang` around it,
 * then the page's `lang`; German otherwise. Not the browser's languages: the
 * shop's page is German, and an element answering in English on a German page
 * (an English-speaking phone) reads as a broken page. A shop that offers English
 * says so with `lang="en"` on its page or the element (README).
 */
export type Lang = 'de' | 'en';

export function pickLang(value: string | null | undefined): Lang | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'de' || primary === 'en' ? primary : undefined;
}

export function resolveLang(element: Element): Lang {
  const own = element.closest('[lang]')?.getAttribute('lang');
  const fromTree = pickLang(own) ?? pickLang(element.ownerDocument.documentElement.lang);
  return fromTree ?? 'de';
}

/** BCP 47 locale for Intl formatting. */
export const localeOf = (lang: Lang) => (lang === 'de' ? 'de-DE' : 'en-GB');
