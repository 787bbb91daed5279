/**
 * Pickup codes as people type them (lower case, without the dash, with spaces)
 * and as QR codes carry them (the bare code, or a link with the code in it).
 * The alphabet is the contract's: letters and digits nobody confuses.
 */
import { PICKUP_CODE_ALPHABET as CHARS } from '../sdk/contract/reservations.js';

const CODE = new RegExp(`(?:^|[^A-Z0-9])([${CHARS}]{3})-?([${CHARS}]{3})(?![A-Z0-9])`);

/** "7kq m4p" → "7KQ-M4P"; null when it is not a code. */
export function normaliseCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return new RegExp(`^[${CHARS}]{6}$`).test(compact) ? `${compact.slice(0, 3)}-${compact.slice(3)}` : null;
}

/** The pickup code in a scanned text (the code itself, or a link or text that contains it). */
export function codeIn(text: string): string | null {
  const direct = normaliseCode(text);
  if (direct) return direct;
  const m = CODE.exec(text.toUpperCase());
  return m ? `${m[1]}-${m[2]}` : null;
}
