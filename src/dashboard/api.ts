/**
 * The dashboard's calls to its endpoint (same origin): the session cookie goes
 * along by itself, the CSRF token is added to every change, and a problem
 * answer becomes a ProblemError the screens can show (its `detail`, its
 * per-line `errors`). Never throws anything else: a network failure is the
 * problem `offline`.
 */
import type { DashboardSession } from '../sdk/contract/schemas/dashboard.js';
import type { Problem } from '../sdk/contract/schemas/reservations.js';

/** The header name is the contract's (CSRF_HEADER); spelled here to keep zod out of the first chunk. */
const CSRF_HEADER = 'X-CSRF-Token';

export class ApiProblem extends Error {
  constructor(readonly status: number, readonly problem: Partial<Problem> & { code: string; current_status?: string }) {
    super(problem.detail ?? problem.code);
  }
}

export class DashboardApi {
  csrf = '';

  async call<T>(method: string, path: string, body?: { json: unknown } | { text: string; type: string }): Promise<T> {
    const headers: Record<string, string> = {};
    if (method !== 'GET' && this.csrf) headers[CSRF_HEADER] = this.csrf;
    let payload: string | undefined;
    if (body && 'json' in body) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['Content-Type'] = body.type;
      payload = body.text;
    }
    let res: Response;
    try {
      res = await fetch(path, { method, headers, body: payload ?? null, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new ApiProblem(0, { code: 'offline' });
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ApiProblem(res.status, { code: 'internal' });
    }
    if (!res.ok) throw new ApiProblem(res.status, (data as ApiProblem['problem']) ?? { code: 'internal' });
    return data as T;
  }

  async session(): Promise<DashboardSession | null> {
    try {
      return this.remember(await this.call<DashboardSession>('GET', '/v1/dashboard/session'));
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 401) return null;
      throw err;
    }
  }

  async signIn(body: { token: string } | { key: string }): Promise<DashboardSession> {
    return this.remember(await this.call<DashboardSession>('POST', '/v1/dashboard/session', { json: body }));
  }

  async signOut(): Promise<void> {
    await this.call('DELETE', '/v1/dashboard/session');
    this.csrf = '';
  }

  private remember(session: DashboardSession): DashboardSession {
    this.csrf = session.csrf_token;
    return session;
  }
}
