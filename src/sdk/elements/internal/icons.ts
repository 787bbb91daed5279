/**
 * Icons more than one element shows: always beside words, hidden from screen
 * readers, drawn in the text's colour (`.icon` sizes them in each element's
 * styles). Availability has a shape for each state as well as a colour — a
 * filled check, a half-filled circle, a crossed circle — so it is never told by
 * colour alone. The check's tick takes its colour from the element's CSS
 * (`stroke: Canvas`), so it stays visible on light and dark pages.
 */
import { html } from 'lit';

/** In stock, reserved. */
export const checkIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke-width="1.8"/></svg>`;

/** Only a few left. */
export const halfIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor"/></svg>`;

/** Out of stock, cannot be reserved. */
export const crossedIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="currentColor" stroke-width="1.6"/></svg>`;

/** Something needs the shopper's attention (a failure, a field to correct). */
export const warningIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5l7 12.5H1z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/><path d="M8 6v4M8 11.5v1.2" stroke="currentColor" stroke-width="1.5"/></svg>`;

/** A place: another shop, the shopper's location. */
export const pinIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 15s5-4.6 5-8.5A5 5 0 0 0 3 6.5C3 10.4 8 15 8 15z" fill="none" stroke="currentColor" stroke-width="1.4"/><circle cx="8" cy="6.5" r="1.8" fill="currentColor"/></svg>`;

/** Opening hours, the pickup window. */
export const clockIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>`;
