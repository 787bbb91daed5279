/**
 * Business rules written once, run synchronously on SQLite and asynchronously
 * on PostgreSQL (the pattern Babel's `gensync` uses for its config loading).
 *
 * A rule is a generator over the storage port (port.ts): every port call is
 * `yield* tx.method(…)`. A PostgreSQL port method yields the query's promise and
 * gets the rows back; a SQLite port method returns its rows without yielding.
 * So the same rule runs in two ways:
 *
 * - runAsync (PostgreSQL) awaits each yielded promise: the transaction lives on
 *   one pooled connection and may span as many turns of the event loop as its
 *   round trips need.
 * - runNow (SQLite) runs the rule to its end in one synchronous call, inside
 *   BEGIN IMMEDIATE … COMMIT. better-sqlite3 has one connection per storage: if
 *   a transaction stayed open across an `await`, any other request's statement
 *   that ran meanwhile (even one resumed in the same microtask queue) would run
 *   inside it, see its uncommitted rows and be rolled back with it. Running
 *   synchronously makes that impossible rather than unlikely; a rule that tries
 *   to wait is stopped with an error and its transaction rolled back.
 */

/** A rule step that ends with a T. Yields are promises only a PostgreSQL port makes. */
export type Step<T> = Generator<PromiseLike<unknown>, T, unknown>;

/** Waits for `promise` inside a step (only a port that may be asynchronous does this). */
export function* wait<T>(promise: PromiseLike<T>): Step<T> {
  return (yield promise) as T;
}

/** Drives a step on an asynchronous port: awaits each yielded promise and resumes with its value (or its error). */
export async function runAsync<T>(step: Step<T>): Promise<T> {
  let next = step.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await next.value;
    } catch (err) {
      next = step.throw(err);
      continue;
    }
    next = step.next(value);
  }
  return next.value;
}

/** Thrown (and the SQLite transaction rolled back) when a rule wants to wait for something. */
export class WaitInTransactionError extends Error {
  constructor() {
    super(
      'a SQLite unit of work must finish without waiting: it holds the only connection inside a transaction, ' +
        'and another request\'s statements would run inside it. Read what the rule needs before the unit starts.',
    );
    this.name = 'WaitInTransactionError';
  }
}

/** Drives a step to its end right now; throws WaitInTransactionError if it yields. */
export function runNow<T>(step: Step<T>): T {
  const next = step.next();
  if (next.done) return next.value;
  // The promise is abandoned: make sure its failure, if any, is not reported as unhandled.
  Promise.resolve(next.value).catch(() => undefined);
  // Runs the rule's finally blocks before the transaction is rolled back.
  step.return(undefined as T);
  throw new WaitInTransactionError();
}
