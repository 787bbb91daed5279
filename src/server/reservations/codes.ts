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

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
