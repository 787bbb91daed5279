/**
 * The words of <citylab-click-collect>'s button and its availability line, one
 * catalogue per language (German first, in the "Sie" register). The dialog's
 * words arrive with the dialog: see dialog-strings.ts.
 */
import type { Catalogue } from '../internal/citylab-element.js';
import { unreachable } from '../internal/unreachable.js';

export interface CollectStrings {
  button: string;
  loading: string;
  inStock: string;
  limited: string;
  free: (n: number) => string;
  /** Not reservable at this shop, reservable at `n` others. */
  elsewhere: (n: number) => string;
  /** This shop takes no reservations; `n` others do. */
  elsewhereNoService: (n: number) => string;
  /** No shop given: reservable at `n` shops. */
  inShops: (n: number) => string;
  notInStock: string;
  noService: string;
  unknown: string;
  error: string;
  formError: string;
  retry: string;
  reserved: (code: string) => string;
}

export const de: CollectStrings = {
  button: 'Reservieren & abholen',
  loading: 'Verfügbarkeit wird geprüft …',
  inStock: 'Vorrätig',
  limited: 'Nur noch wenige vorrätig',
  free: (n) => `${n} Stück frei`,
  elsewhere: (n) => `Hier nicht vorrätig · in ${n === 1 ? 'einem anderen Geschäft' : `${n} anderen Geschäften`} der Stadt reservierbar`,
  elsewhereNoService: (n) => `Hier nicht reservierbar · in ${n === 1 ? 'einem anderen Geschäft' : `${n} anderen Geschäften`} der Stadt`,
  inShops: (n) => `In ${n === 1 ? 'einem Geschäft' : `${n} Geschäften`} der Stadt reservierbar`,
  notInStock: 'Zurzeit nicht vorrätig, auch in keinem anderen Geschäft der Stadt.',
  noService: 'Dieser Artikel lässt sich zurzeit in keinem Geschäft reservieren. Fragen Sie gern im Geschäft nach.',
  unknown: 'Diesen Artikel führt zurzeit kein Geschäft in der Stadt.',
  error: unreachable.de,
  formError: 'Das Reservierungsformular lässt sich gerade nicht laden. Bitte versuchen Sie es gleich noch einmal.',
  retry: 'Erneut versuchen',
  reserved: (code) => `Reserviert · Ihr Abholcode: ${code}`,
};

/** German here; English, which a German page never needs, arrives when an element speaks it (strings-en.ts). */
export const catalogue: Catalogue<CollectStrings> = { de, en: () => import('./strings-en.js').then((m) => m.en) };
