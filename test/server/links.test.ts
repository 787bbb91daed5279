/**
 * Links in mails and pages come from CITYLAB_PUBLIC_URL, never from the request:
 * a reservation sent with a forged Host header still mails the town's own link
 * (real SMTP on loopback), the docs point to the town's SDK, and `serve` refuses
 * to start without the variable (or with an operator key under 32 characters).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../src/server/log.js';
import { createMailer } from '../../src/server/reservations/mail.js';
import { ADMIN_KEY, LAMP, seedTestTown } from '../fixtures/town.js';
import { BACKENDS, cliCommand, createDatabase, startEndpoint, type RunningEndpoint } from './harness.js';
import { catchMail } from './smtp.js';

const PUBLIC = 'https://citylab.testhausen.example';

/** A request with a Host header of the caller's choosing (fetch will not forge one). */
function forged(url: string, path: string, host: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'Idempotency-Key': randomUUID(), 'X-Forwarded-Host': host },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function get(url: string, path: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(`${url}${path}`, { headers: { Host: host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    }).on('error', reject).end();
  });
}

for (const backend of BACKENDS) {
  describe(`links on ${backend}`, () => {
    let ep: RunningEndpoint;
    before(async () => {
      ep = await startEndpoint({ backend, app: { publicUrl: PUBLIC } });
      await seedTestTown(ep.url);
    });
    after(() => ep.close());

    it('a forged Host header never reaches a mail: the links are CITYLAB_PUBLIC_URL\'s', async () => {
      const mail = await catchMail();
      try {
        const { status, text } = await forged(ep.url, '/v1/reservations', 'evil.example', {
          store: 'licht-haus', gtin: LAMP, quantity: 1, privacy_accepted: true,
          customer: { name: 'Erika Mustermann', email: 'erika@example.org' },
        });
        assert.equal(status, 201, text);
        const { id } = JSON.parse(text) as { id: string };
        const mailer = createMailer(ep.storage, { smtpUrl: mail.url, from: 'CityLab <noreply@citylab.test>', logger: createLogger('silent') })!;
        assert.equal(await mailer.flush(), 2);
        const toShopper = mail.received.find((m) => m.to.includes('erika@example.org'));
        assert.ok(toShopper, 'the shopper got mail');
        assert.ok(toShopper.text.includes(`${PUBLIC}/r/${id}#token=`), toShopper.text);
        for (const m of mail.received) assert.ok(!m.text.includes('evil.example'), m.text);
      } finally {
        await mail.close();
      }
    });

    it('the docs load the SDK from CITYLAB_PUBLIC_URL whatever the Host header says', async () => {
      const html = await get(ep.url, '/docs/', 'evil.example');
      assert.ok(html.includes(`${PUBLIC}/sdk/citylab.js`), html.slice(0, 500));
      assert.ok(!html.includes('evil.example'));
    });
  });
}

describe('start-up', () => {
  it('`serve` refuses to start without CITYLAB_PUBLIC_URL, naming the variable', async () => {
    const db = await createDatabase('sqlite');
    try {
      const { args, env } = cliCommand(db, 'serve', '--port', '0');
      delete env.CITYLAB_PUBLIC_URL;
      const run = spawnSync(process.execPath, args, { env: { ...env, CITYLAB_ADMIN_KEY: ADMIN_KEY }, encoding: 'utf8', timeout: 30_000 });
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /CITYLAB_PUBLIC_URL is not set/);
      assert.doesNotMatch(run.stdout, /listening/);
    } finally {
      await db.drop();
    }
  });

  it('`serve` refuses an operator key under 32 characters, saying so', async () => {
    const db = await createDatabase('sqlite');
    try {
      const { args, env } = cliCommand(db, 'serve', '--port', '0');
      const run = spawnSync(process.execPath, args, { env: { ...env, CITYLAB_ADMIN_KEY: 'x'.repeat(31), CITYLAB_PUBLIC_URL: PUBLIC }, encoding: 'utf8', timeout: 30_000 });
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /CITYLAB_ADMIN_KEY is too short \(31 characters\): use at least 32/);
    } finally {
      await db.drop();
    }
  });

  it('`serve` refuses a CITYLAB_PUBLIC_URL that is not an http(s) address', async () => {
    const db = await createDatabase('sqlite');
    try {
      const { args, env } = cliCommand(db, 'serve', '--port', '0');
      const run = spawnSync(process.execPath, args, { env: { ...env, CITYLAB_ADMIN_KEY: ADMIN_KEY, CITYLAB_PUBLIC_URL: 'javascript:alert(1)' }, encoding: 'utf8', timeout: 30_000 });
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /CITYLAB_PUBLIC_URL must be/);
    } finally {
      await db.drop();
    }
  });
});
