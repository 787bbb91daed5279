/**
 * Structured logs, one JSON object a line. Callers pass only what is safe to
 * keep: route patterns, statuses, counts and ids of shops — never query strings
 * (they may hold a shopper's location), bodies, keys or addresses of clients.
 */
export type LogLevel = 'silent' | 'error' | 'info';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (lvl: string, event: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...fields }));
  return {
    info: (event, fields) => { if (level === 'info') emit('info', event, fields); },
    error: (event, fields) => { if (level !== 'silent') emit('error', event, fields); },
  };
}
