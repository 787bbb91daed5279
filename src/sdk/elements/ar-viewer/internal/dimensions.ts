/** Real-world size for shoppers: width × height × depth in centimetres. */
import { localeOf, type Lang } from '../../internal/lang.js';

export interface SizeInMetres {
  width: number;
  height: number;
  depth: number;
}

const formats = new Map<Lang, Intl.NumberFormat>();

/** Whole centimetres above 10 cm, one decimal below ("7,5"). */
export function centimetres(metres: number, lang: Lang): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 });
    formats.set(lang, format);
  }
  const cm = metres * 100;
  return format.format(cm >= 10 ? Math.round(cm) : Math.round(cm * 10) / 10);
}

export function sizeInCentimetres(size: SizeInMetres, lang: Lang): [string, string, string] {
  return [centimetres(size.width, lang), centimetres(size.height, lang), centimetres(size.depth, lang)];
}
