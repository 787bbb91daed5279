/**
 * Reservation ids, pickup codes people can read aloud, and the shopper's token.
 *
 * The shopper's token is derived from their idempotency key (a secret only
 * their browser has) and the reservation id, so a retried request can get the
 * identical answer back while the database keeps only the token's hash.
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { PICKUP_CODE_ALPHABET } from 'citylab-sdk/contract';

export const CODE_ALPHABET = PICKUP_CODE_ALPHABET;

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

/**
 * The token in links the endpoint writes later than the reservation (the "ready" mail): an HMAC of
 * the reservation's id under the town's link secret (kept in the database, made on first use). It
 * opens that reservation's page as the shopper's own token does, and cannot be made without the
 * secret; nothing more is stored per reservation.
 */
export function linkToken(secret: string, reservationId: string): string {
  return `cl_lt_${createHmac('sha256', secret).update(`reservation-link:${reservationId}`).digest('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
