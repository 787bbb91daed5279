/** The English words of <citylab-click-collect>: a lazy chunk, loaded only when an element speaks English (strings.ts has the German). */
import type { CollectStrings } from './strings.js';
import { unreachable } from '../internal/unreachable.js';

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
