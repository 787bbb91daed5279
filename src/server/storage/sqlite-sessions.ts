/** The dashboards' sign-in links and sessions on SQLite (see DashboardStorage in types.ts). */
import type Database from 'better-sqlite3';
import type { DashboardStorage, OperatorSessionRecord, SessionRecord, SignInTokenRecord } from './types.js';

export class SqliteSessions implements DashboardStorage {
  /** `stmt`: SqliteStorage's statement cache (each SQL text prepared once). */
  constructor(
    private readonly db: Database.Database,
    private readonly stmt: (sql: string) => Database.Statement,
  ) {}

  async putSignInToken(t: SignInTokenRecord): Promise<void> {
    this.db.transaction(() => {
      this.stmt('DELETE FROM sign_in_tokens WHERE expires_at < ?').run(t.created_at);
      this.stmt('INSERT INTO sign_in_tokens (token_hash, store_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(t.token_hash, t.store_id, t.created_at, t.expires_at);
    }).immediate();
  }

  async useSignInToken(tokenHash: string, now: string): Promise<string | null> {
    const row = this.stmt('UPDATE sign_in_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING store_id')
      .get(now, tokenHash, now) as { store_id: string } | undefined;
    return row?.store_id ?? null;
  }

  async putSession(session: SessionRecord): Promise<boolean> {
    return this.db.transaction(() => {
      this.stmt('DELETE FROM dashboard_sessions WHERE expires_at < ?').run(session.created_at);
      return this.stmt('INSERT INTO dashboard_sessions (id_hash, store_id, key_hash, created_at, expires_at) SELECT ?, id, key_hash, ?, ? FROM stores WHERE id = ? AND key_hash IS NOT NULL')
        .run(session.id_hash, session.created_at, session.expires_at, session.store_id).changes === 1;
    }).immediate();
  }

  async findSession(idHash: string, now: string): Promise<{ store_id: string; expires_at: string } | null> {
    const row = this.stmt('SELECT s.store_id, s.expires_at FROM dashboard_sessions s JOIN stores st ON st.id = s.store_id AND st.key_hash = s.key_hash WHERE s.id_hash = ? AND s.expires_at > ?')
      .get(idHash, now) as { store_id: string; expires_at: string } | undefined;
    return row ?? null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.stmt('DELETE FROM dashboard_sessions WHERE id_hash = ?').run(idHash);
    this.stmt('DELETE FROM operator_sessions WHERE id_hash = ?').run(idHash);
  }

  async putOperatorSession(session: OperatorSessionRecord): Promise<void> {
    this.db.transaction(() => {
      this.stmt('DELETE FROM operator_sessions WHERE expires_at < ?').run(session.created_at);
      this.stmt('INSERT INTO operator_sessions (id_hash, key_hash, created_at, expires_at) VALUES (?, ?, ?, ?)').run(session.id_hash, session.key_hash, session.created_at, session.expires_at);
    }).immediate();
  }

  async findOperatorSession(idHash: string, keyHash: string, now: string): Promise<{ expires_at: string } | null> {
    const row = this.stmt('SELECT expires_at FROM operator_sessions WHERE id_hash = ? AND key_hash = ? AND expires_at > ?').get(idHash, keyHash, now) as { expires_at: string } | undefined;
    return row ?? null;
  }
}
