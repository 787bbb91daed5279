/**
 * A problem's `detail` follows the request's Accept-Language (German by default,
 * English when preferred), so the elements and the dashboard can show it as it is.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Problem } from '../../src/sdk/contract/schemas.js';
import { LAMP, seedTestTown } from '../fixtures/town.js';
import { BACKENDS, startEndpoint, type RunningEndpoint } from './harness.js';

for (const backend of BACKENDS) {
  describe(`problem language on ${backend}`, () => {
    let ep: RunningEndpoint;
    before(async () => {
      ep = await startEndpoint({ backend });
      await seedTestTown(ep.url);
    });
    after(() => ep.close());

    async function problem(path: string, acceptLanguage?: string, init: RequestInit = {}) {
      const res = await fetch(`${ep.url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}) } });
      const body = Problem.parse(await res.json());
      return { res, body };
    }

    it('speaks German by default and when asked, English when preferred', async () => {
      const de = await problem('/v1/stores/nirgendwo');
      assert.equal(de.body.detail, 'Ein Geschäft „nirgendwo“ gibt es in dieser Stadt nicht.');
      assert.equal(de.res.headers.get('content-language'), 'de');
      assert.equal((await problem('/v1/stores/nirgendwo', 'de-DE,de;q=0.9,en;q=0.8')).body.detail, de.body.detail);
      const en = await problem('/v1/stores/nirgendwo', 'en-GB,en;q=0.9');
      assert.equal(en.body.detail, 'There is no shop "nirgendwo" in this town.');
      assert.equal(en.res.headers.get('content-language'), 'en');
      assert.equal((await problem('/v1/stores/nirgendwo', 'fr-FR, de;q=0.3, en;q=0.5')).body.detail, en.body.detail, 'q-values decide');
      assert.equal((await problem('/v1/stores/nirgendwo', 'fr-FR')).body.detail, de.body.detail, 'neither: German');
      // The code and title stay the same for programs.
      assert.equal(de.body.code, en.body.code);
      assert.equal(de.body.title, en.body.title);
    });

    it('names the fields of an invalid request in German, and every other problem has a German detail', async () => {
      const init = { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 1, privacy_accepted: true, customer: { name: 'A\nB', email: 'x@example.org' } }) };
      const de = await problem('/v1/reservations', undefined, init);
      assert.equal(de.res.status, 400);
      assert.match(de.body.detail, /^Die Anfrage ist nicht gültig: bitte das Feld „customer\.name“ prüfen\.$/);
      const en = await problem('/v1/reservations', 'en', { ...init, headers: { ...init.headers, 'Idempotency-Key': randomUUID() } });
      assert.match(en.body.detail, /is not valid: customer\.name/);
      const route = await problem('/v1/nothing-here');
      assert.equal(route.body.detail, 'Diese Adresse gibt es an der Schnittstelle nicht.');
    });

    it('a refused reservation says why in the shopper\'s language', async () => {
      const reserve = (lang?: string) => problem('/v1/reservations', lang, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 9, privacy_accepted: true, customer: { name: 'Erika', email: 'erika@example.org' } }),
      });
      const de = await reserve();
      assert.equal(de.body.code, 'insufficient-stock');
      assert.match(de.body.detail, /^Bei Licht & Haus sind nur noch \d+ Stück zum Reservieren frei\.$/);
      assert.match((await reserve('en')).body.detail, /^Licht & Haus has only \d+ units free to reserve\.$/);
    });
  });
}
