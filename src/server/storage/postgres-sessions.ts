/** The dashboards' sign-in links and sessions on PostgreSQL (see DashboardStorage in types.ts). */
import type { DashboardStorage, OperatorSessionRecord, SessionRecord, SignInTokenRecord } from './types.js';

/** PostgresStorage's query: a prepared statement per SQL text, on the pool. */
export type PgQuery = <R extends object>(sql: string, values?: unknown[]) => Promise<R[]>;

export class PostgresSessions implements DashboardStorage {
  constructor(private readonly q: PgQuery) {}

  async putSignInToken(t: SignInTokenRecord): Promise<void> {
    await this.q('DELETE FROM sign_in_tokens WHERE expires_at < $1', [t.created_at]);
    await this.q('INSERT INTO sign_in_tokens (token_hash, store_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [t.token_hash, t.store_id, t.created_at, t.expires_at]);
  }

  async useSignInToken(tokenHash: string, now: string): Promise<string | null> {
    // One statement: of two requests with the same token, exactly one gets the row.
    const [row] = await this.q<{ store_id: string }>('UPDATE sign_in_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING store_id', [now, tokenHash]);
    return row?.store_id ?? null;
  }

  async putSession(session: SessionRecord): Promise<boolean> {
    await this.q('DELETE FROM dashboard_sessions WHERE expires_at < $1', [session.created_at]);
    const rows = await this.q('INSERT INTO dashboard_sessions (id_hash, store_id, key_hash, created_at, expires_at) SELECT $1, id, key_hash, $2, $3 FROM stores WHERE id = $4 AND key_hash IS NOT NULL RETURNING id_hash', [session.id_hash, session.created_at, session.expires_at, session.store_id]);
    return rows.length === 1;
  }

  async findSession(idHash: string, now: string): Promise<{ store_id: string; expires_at: string } | null> {
    const [row] = await this.q<{ store_id: string; expires_at: string }>('SELECT s.store_id, s.expires_at FROM dashboard_sessions s JOIN stores st ON st.id = s.store_id AND st.key_hash = s.key_hash WHERE s.id_hash = $1 AND s.expires_at > $2', [idHash, now]);
    return row ?? null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.q('DELETE FROM dashboard_sessions WHERE id_hash = $1', [idHash]);
    await this.q('DELETE FROM operator_sessions WHERE id_hash = $1', [idHash]);
  }

  async putOperatorSession(session: OperatorSessionRecord): Promise<void> {
    await this.q('DELETE FROM operator_sessions WHERE expires_at < $1', [session.created_at]);
    await this.q('INSERT INTO operator_sessions (id_hash, key_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)', [session.id_hash, session.key_hash, session.created_at, session.expires_at]);
  }

  async findOperatorSession(idHash: string, keyHash: string, now: string): Promise<{ expires_at: string } | null> {
    const [row] = await this.q<{ expires_at: string }>('SELECT expires_at FROM operator_sessions WHERE id_hash = $1 AND key_hash = $2 AND expires_at > $3', [idHash, keyHash, now]);
    return row ?? null;
  }
}
