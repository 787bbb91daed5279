/**
 * Reservation ids, pickup codes people can read aloud, and the shopper's token.
 *
 * The shopper's token is derived from their idempotency key (a secret only
 * their browser has) and the reservation id, so a retried request can get the
 * identical answer back while the database keeps only the token's hash.
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V: what is left is hard to mishear or misread. */
export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';

export function newPickupCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

export function newReservationId(): string {
  return `res_${randomBytes(12).toString('base64url')}`;
}

export function customerToken(idempotencyKey: string, reservationId: string): string {
  return `cl_ct_${createHmac('sha256', idempotencyKey).update(`customer-token:${reservationId}`).digest('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
