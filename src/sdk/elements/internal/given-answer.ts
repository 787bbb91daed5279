/** An answer the page gave an element (its `availability` property), checked before it is shown. */
import type { AvailabilityRequest } from '../../contract/availability.js';
import { FIRST_PAINT_SHAPES } from '../../contract/first-paint-shapes.generated.js';
import type { Availability } from '../../contract/schemas.js';
import { shapeError } from '../../client/shape.js';
import { emitError } from './events.js';

/**
 * The `availability` a page gave an element (its public property: an answer the page already has,
 * from its server or one request for a list of products), when it is the endpoint's answer for the
 * element's product: the element shows it at once instead of its loading state, and asks for a
 * fresh one without a loading state in between. One of another product is not shown; one that
 * is not an answer's shape is reported (`citylab-error`, kind `config`) and not shown either.
 */
export function givenAnswer(element: Element, given: unknown, request: AvailabilityRequest | undefined): Availability | undefined {
  if (given === undefined || given === null || !request) return undefined;
  const wrong = shapeError(given, FIRST_PAINT_SHAPES.Availability);
  if (wrong) {
    emitError(element, { kind: 'config', message: `availability is not an answer of /v1/availability (${wrong}); the element asks the endpoint instead.` });
    return undefined;
  }
  const answer = given as Availability;
  const same = 'gtin' in request ? answer.gtin === request.gtin : answer.offers.some((o) => o.store.id === request.store && o.sku === request.sku);
  return same ? answer : undefined;
}

/**
 * Tells the page's answers from the element's own in its `availability` property: `shown` is what
 * the element shows (its own answer, or the page's it took), anything else set there is the page's.
 * A value the page sets again (React's wrappers set every prop on every render) is no newer answer.
 */
export class PageAnswers {
  shown?: Availability;
  private last?: unknown;

  /** The page's newer answer for `request` in `value`, else undefined (then the element shows `shown` again). */
  take(element: Element, value: unknown, request: AvailabilityRequest | undefined): Availability | undefined {
    if (value === this.shown || value === this.last) return undefined;
    this.last = value;
    return givenAnswer(element, value, request);
  }
}
