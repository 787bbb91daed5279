/**
 * Sending a reservation so that it is made at most once, whatever the network
 * does. Each attempt gets an idempotency key, made once and sent again with
 * every retry of the same attempt: when an answer is lost (network failure,
 * timeout, 5xx) the outcome is uncertain, and the retry with the same key makes
 * the endpoint answer with the reservation it already made instead of a second.
 */
import type { CitylabClient, Result } from '../../client/client.js';
import type { Reservation, ReservationCreate } from '../../contract/schemas.js';

/** One reservation attempt: the key is made once and sent again with every retry of the same attempt. */
interface Attempt {
  key: string;
  /** The request body as sent (JSON), to tell a retry from a changed form. */
  json: string;
  body: ReservationCreate;
}

export interface Sent {
  result: Result<Reservation>;
  /** The reservation is the one an earlier attempt made (its answer had been lost). */
  earlier: boolean;
  /** The body that made `result`: the earlier attempt's when `earlier`. */
  body: ReservationCreate;
}

const newKey = (): string => crypto.randomUUID();

/** An answer that settles the attempt: the endpoint decided and stored it. Anything else may or may not have arrived. */
function isSettled(result: Result<Reservation>): boolean {
  if (result.ok) return true;
  const e = result.error;
  return e.kind === 'http' && (e.status ?? 500) < 500 && e.code !== 'request-in-progress';
}

export class ReservationSender {
  /** The attempt whose outcome is unknown: its key is reused. */
  private pending?: Attempt;

  /** The last attempt's outcome is unknown: sending again is safe and may find it made. */
  get uncertain(): boolean {
    return this.pending !== undefined;
  }

  /** A new reservation: nothing earlier can be pending any more. */
  forget(): void {
    this.pending = undefined;
  }

  /**
   * Sends the body with the attempt's key: a new key for a new attempt, the
   * same key while the previous outcome is unknown and the form is unchanged.
   */
  async send(api: CitylabClient, body: ReservationCreate): Promise<Sent> {
    const sent = await this.attempt(api, body);
    if (isSettled(sent.result)) this.pending = undefined;
    return sent;
  }

  private async attempt(api: CitylabClient, body: ReservationCreate): Promise<Sent> {
    const json = JSON.stringify(body);
    const unsure = this.pending;
    this.pending = { key: unsure?.key ?? newKey(), json, body };
    let result = await api.reserve(body, this.pending.key);
    if (unsure && unsure.json !== json && !result.ok && result.error.code === 'idempotency-key-reused') {
      // The form changed after an answer was lost, and the first request had arrived after all.
      // Ask for its stored answer: if it made a reservation, that is the shopper's reservation.
      this.pending = unsure;
      const first = await api.reserve(unsure.body, unsure.key);
      if (first.ok || !isSettled(first)) return { result: first, earlier: first.ok, body: unsure.body };
      // The first attempt was turned down (nothing held): the changed form is a new attempt.
      this.pending = { key: newKey(), json, body };
      result = await api.reserve(body, this.pending.key);
    }
    return { result, earlier: false, body };
  }
}
