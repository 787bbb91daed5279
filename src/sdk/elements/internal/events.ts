/**
 * Every CityLab event is prefixed, bubbles and crosses shadow roots, so a shop
 * page can listen on `document` whatever wraps the element.
 */
import { isServer } from 'lit';
import type { CitylabErrorDetail, CitylabEventDetails } from '../../events.js';
import { count } from './insights.js';

/** Dispatches the event; returns false when a listener cancelled it. */
export function emit<K extends keyof CitylabEventDetails>(
  target: EventTarget,
  type: K,
  detail: CitylabEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  // Rendered on a server (Lit SSR) there is no page to tell, nor anything to count.
  if (isServer) return true;
  countEvent(target, type, detail);
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}

/** What went wrong, as a client's `ClientError` or an element's own words for developers. */
export type Failure = Pick<CitylabErrorDetail, 'kind' | 'code' | 'message'>;

/** `citylab-error` from the element itself (its tag names it in the detail); a code only when there is one. */
export function emitError(element: Element, { kind, code, message }: Failure): void {
  emit(element, 'citylab-error', { element: element.localName, kind, ...(code ? { code } : {}), message });
}

/** The events that are also counted (insights.ts): AR started or failed, a shop chosen. */
function countEvent<K extends keyof CitylabEventDetails>(target: EventTarget, type: K, detail: CitylabEventDetails[K]): void {
  if (!(target instanceof Element)) return;
  if (type === 'citylab-store-select') count(target, 'store-select', { store: (detail as CitylabEventDetails['citylab-store-select']).store.id });
  else if (type === 'citylab-ar-status') {
    const { status, reason } = detail as CitylabEventDetails['citylab-ar-status'];
    if (status === 'started') count(target, 'ar-start');
    else if (status === 'failed') count(target, 'ar-fail', { reason: reason ?? 'error' });
  }
}
