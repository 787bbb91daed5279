/**
 * The client's address, used only as a key of in-memory limits: never stored,
 * never logged. Behind the town's proxy (TRUST_PROXY=1) it is the first
 * X-Forwarded-For entry; otherwise the connection's.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
