/**
 * The shapes the client checks a first paint's answers against (src/sdk/contract/first-paint-shapes.ts)
 * are the contract's own: the generated file matches what the schemas produce now, a real answer
 * of the endpoint passes, and the answers the schemas refuse for their shape are refused too.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Availability, City } from 'citylab-sdk/contract';
import { shapeError } from '../../src/sdk/client/shape.js';
import { FIRST_PAINT_SHAPES } from '../../src/sdk/contract/first-paint-shapes.generated.js';
import { GENERATED, generatedSource } from '../../scripts/first-paint-shapes.js';
import { LAMP, seedTestTown } from '../fixtures/town.js';
import { startEndpoint } from './harness.js';

describe('first-paint shapes', () => {
  it('are generated from the current schemas (run node --import tsx scripts/first-paint-shapes.ts when this fails)', () => {
    assert.equal(readFileSync(GENERATED, 'utf8'), generatedSource());
  });

  it('let the endpoint\'s real answers through and refuse what the schemas refuse for its shape', async () => {
    const ep = await startEndpoint();
    try {
      await seedTestTown(ep.url);
      const url = ep.url;
      const availability: unknown = await (await fetch(`${url}/v1/availability?gtin=${LAMP}`)).json();
      const city: unknown = await (await fetch(`${url}/v1/city`)).json();
      assert.ok(Availability.safeParse(availability).success && City.safeParse(city).success, 'the answers are valid');
      assert.equal(shapeError(availability, FIRST_PAINT_SHAPES.Availability), undefined);
      assert.equal(shapeError(city, FIRST_PAINT_SHAPES.City), undefined);
      const wrong = [
        { offers: 'none', product: 42 },
        { ...(availability as object), offers: [{ availability: 'maybe' }] },
        { ...(availability as object), gtin: 'abc' },
        { ...(availability as object), product: undefined },
      ];
      for (const answer of wrong) {
        assert.equal(Availability.safeParse(answer).success, false);
        assert.notEqual(shapeError(answer, FIRST_PAINT_SHAPES.Availability), undefined, JSON.stringify(answer).slice(0, 80));
      }
      assert.notEqual(shapeError({ ...(city as object), centre: 'here' }, FIRST_PAINT_SHAPES.City), undefined);
    } finally {
      await ep.close();
    }
  });
});
