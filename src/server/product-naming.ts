/**
 * Who names a product for the whole town (issue 10): never one shop alone. A name the
 * operator set (PATCH /v1/products/{gtin}, the demo's seed) wins and no upload changes it.
 * Otherwise the town's record carries the title the shops agree on: the one (trimmed,
 * whitespace collapsed, case ignored) that at least two shops use and more shops use than
 * any other. Until then it carries no shop's title, only a neutral "Artikel {gtin}".
 *
 * Brand, image, description, category and 3D model come from the operator only: an upload
 * never writes them into the town's record (a brand or image one shop chose would show in
 * every other shop's widget). Pure functions; inventory/apply.ts runs them inside the upload.
 */
import type { Product } from 'citylab-sdk/contract';

/** The name a product carries while nobody has named it, in the reader's language. */
export function neutralName(gtin: string, lang: 'de' | 'en' = 'de'): string {
  return `${lang === 'en' ? 'Article' : 'Artikel'} ${gtin}`;
}

/** The product's name for a reader of `lang`: the town's name, or the neutral one in that language. */
export function productName(product: Pick<Product, 'gtin' | 'name' | 'named_by'>, lang: 'de' | 'en'): string {
  return product.named_by ? product.name : neutralName(product.gtin, lang);
}

const spelling = (title: string) => title.trim().replace(/\s+/g, ' ');
const key = (title: string) => spelling(title).toLocaleLowerCase('de-DE');

/**
 * The title the shops agree on, out of each shop's title for the product (one per shop), or
 * null. Of the agreeing shops' spellings the most used one is shown (ties: the first in code
 * point order, so every backend and instance picks the same).
 */
export function agreedTitle(titles: readonly string[]): string | null {
  const groups = new Map<string, string[]>();
  for (const t of titles) {
    if (!spelling(t)) continue;
    const k = key(t);
    groups.set(k, [...(groups.get(k) ?? []), spelling(t)]);
  }
  const ranked = [...groups.values()].sort((a, b) => b.length - a.length);
  const [top, next] = ranked;
  if (!top || top.length < 2 || (next && next.length === top.length)) return null;
  const counts = new Map<string, number>();
  for (const s of top) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
}

/** The town's record after the shops' titles changed; null when it stays as it is. */
export function renamed(product: Product, titles: readonly string[]): Product | null {
  if (product.named_by === 'operator') return null;
  const agreed = agreedTitle(titles);
  const { named_by: _by, ...rest } = product;
  const next: Product = agreed ? { ...rest, name: agreed, named_by: 'shops' } : { ...rest, name: neutralName(product.gtin) };
  return next.name === product.name && next.named_by === product.named_by ? null : next;
}
