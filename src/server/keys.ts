/**
 * Shop keys: random, recognisable by prefix (so secret scanners and people can
 * spot a leaked one), and stored only as a SHA-256 hash. A slow password hash is
 * not needed: the keys carry 192 bits of randomness, so a hash cannot be
 * brute-forced, and a fast hash keeps every authenticated request cheap.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const STORE_KEY_PREFIX = 'cl_sk_';

export function newStoreKey(): string {
  return STORE_KEY_PREFIX + randomBytes(24).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with the configured one. */
export function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
