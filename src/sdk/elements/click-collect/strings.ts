/**
 * The words of <citylab-click-collect>'s button and its availability line, one
 * catalogue per language (German first, in the "Sie" register). The dialog's
 * words arrive with the dialog: see dialog-strings.ts.
 */
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

export const en: CollectStrings = {
  button: 'Reserve & collect',
  loading: 'Checking availability …',
  inStock: 'In stock',
  limited: 'Only a few left',
  free: (n) => `${n} available`,
  elsewhere: (n) => `Not in stock here · can be reserved at ${n === 1 ? 'one other shop' : `${n} other shops`} in town`,
  elsewhereNoService: (n) => `No reservations here · ${n === 1 ? 'one other shop' : `${n} other shops`} in town take them`,
  inShops: (n) => `Can be reserved at ${n === 1 ? 'one shop' : `${n} shops`} in town`,
  notInStock: 'Out of stock at the moment, in every shop in town.',
  noService: 'No shop takes reservations for this item at the moment. Feel free to ask in the shop.',
  unknown: 'No shop in town carries this item at the moment.',
  error: unreachable.en,
  formError: 'The reservation form cannot be loaded right now. Please try again in a moment.',
  retry: 'Try again',
  reserved: (code) => `Reserved · your pickup code: ${code}`,
};

export const catalogue = { de, en };
