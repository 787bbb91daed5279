import { defineElement } from '../internal/define.js';
import { CitylabStoreFinder } from './store-finder.js';

defineElement('citylab-store-finder', CitylabStoreFinder);

declare global {
  interface HTMLElementTagNameMap {
    'citylab-store-finder': CitylabStoreFinder;
  }
}
