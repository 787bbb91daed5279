/**
 * What the endpoint, the elements and the dashboard know alike about a
 * reservation: its statuses, which may follow which, which hold stock, who may
 * move it, and how many units one reservation may take. Plain data without zod:
 * elements import it in their first chunk, the schemas build on it.
 */

export const RESERVATION_STATUSES = ['held', 'ready', 'collected', 'cancelled', 'expired'] as const;
export type ReservationState = (typeof RESERVATION_STATUSES)[number];

/** Which status may follow which; anything else is a conflict (409 invalid-transition). */
export const RESERVATION_TRANSITIONS: Readonly<Record<ReservationState, readonly ReservationState[]>> = {
  held: ['ready', 'collected', 'cancelled', 'expired'],
  ready: ['collected', 'cancelled', 'expired'],
  collected: [],
  cancelled: [],
  expired: [],
};

/** The statuses in which a reservation holds stock (and counts against the cap per e-mail address). */
export const OPEN_RESERVATION_STATUSES = ['held', 'ready'] as const satisfies readonly ReservationState[];

/** The changes a shop makes (`PATCH /v1/stores/{id}/reservations/{rid}`); expiry is the endpoint's own. */
export const SHOP_STATUS_CHANGES = ['ready', 'collected', 'cancelled'] as const satisfies readonly ReservationState[];

/** The characters of pickup codes: no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V, so what is left is hard to mishear or misread. */
export const PICKUP_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';

/** Most units one reservation may take; what is free at the shop may be fewer (the offer's `quantity`). */
export const MAX_RESERVATION_QUANTITY = 10;

export const isOpenReservation = (status: ReservationState): boolean => (OPEN_RESERVATION_STATUSES as readonly string[]).includes(status);

export const canChangeReservation = (from: ReservationState, to: ReservationState): boolean => RESERVATION_TRANSITIONS[from].includes(to);
