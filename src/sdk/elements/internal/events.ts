/**
 * Every CityLab event is prefixed, bubbles and crosses shadow roots, so a shop
 * page can listen on `document` whatever wraps the element.
 */
import type { CitylabEventDetails } from '../../events.js';

/** Dispatches the event; returns false when a listener cancelled it. */
export function emit<K extends keyof CitylabEventDetails>(
  target: EventTarget,
  type: K,
  detail: CitylabEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
