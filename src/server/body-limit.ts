/**
 * Request body limit that still lets the client read its 413.
 *
 * Hono's own bodyLimit answers before the body has arrived and the connection
 * closes under a client that is still sending, so fetch() reports a network
 * error instead of the problem. Here the rest of an oversized body is read and
 * dropped (up to a cap, beyond which the connection is simply closed), then the
 * 413 is sent. Bodies within the limit are buffered for the handler.
 */
import type { Context, MiddlewareHandler } from 'hono';

/** How much of an oversized body is read and dropped so the 413 reaches the client. */
const DRAIN_CAP = 64 * 1024 * 1024;

export function bodyLimit(maxSize: number, onTooLarge: (c: Context) => Response): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = Number(c.req.header('Content-Length') ?? NaN);
    const reader = raw.body.getReader();
    if (declared > maxSize) {
      await drain(reader, declared <= DRAIN_CAP ? DRAIN_CAP : 0);
      return onTooLarge(c);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        await drain(reader, DRAIN_CAP - size);
        return onTooLarge(c);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body, signal: raw.signal });
    return next();
  };
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  let left = budget;
  try {
    while (left > 0) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away; nothing to answer.
  }
}
