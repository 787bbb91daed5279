/**
 * Sliding-window limits kept in this process's memory. Client addresses are
 * used only as keys here: never stored, never logged. With several instances
 * each one counts for itself (documented in the README).
 */
export interface Limit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly rule: Limit) {}

  /** Records a hit; returns 0 when allowed, else the seconds until the next one is. */
  take(key: string, now = Date.now()): number {
    const since = now - this.rule.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.rule.limit) {
      this.hits.set(key, list);
      return Math.max(1, Math.ceil((list[0]! + this.rule.windowMs - now) / 1000));
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 50_000) this.sweep(since);
    return 0;
  }

  /** The seconds until `key` may go on (0: now), without recording a hit. */
  wait(key: string, now = Date.now()): number {
    const since = now - this.rule.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    return list.length >= this.rule.limit ? Math.max(1, Math.ceil((list[0]! + this.rule.windowMs - now) / 1000)) : 0;
  }

  private sweep(since: number): void {
    for (const [key, list] of this.hits) if (!list.some((t) => t > since)) this.hits.delete(key);
  }
}
