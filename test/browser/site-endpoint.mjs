/**
 * A second real endpoint (test/browser/site-endpoint.ts) whose site folder holds 3D files, for
 * the tests of files the endpoint itself serves to a shop's page of another origin.
 *
 * Test-runner command:
 * - `citylab-site-endpoint` { files: { name: url }, usdz: [name] } → { endpoint }: copies each
 *   file (from the model host, say) to `/demo/models/<name>` of the second endpoint, writes a small
 *   USDZ file for each `usdz` name (`<name>.usdz`); the endpoint starts with the test runner.
 * - `citylab-visit` { url } → { csp }: opens the endpoint's own page in a new tab of the test browser (a
 *   page that may not be framed), taps "view in 3D" and records every `securitypolicyviolation`;
 *   `citylab-visit-report` → { state, violations, errors } of the viewer on that tab so far.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';

const LISTENING = /listening on (http:\/\/\S+)/;

/**
 * A USDZ file as Apple's Quick Look reads them: an uncompressed zip whose one layer (a
 * text USD scene with one cube) starts at a multiple of 64 bytes. The model pipeline makes
 * no USDZ on this machine, so the test gets this small real one.
 */
function usdz(name) {
  const file = Buffer.from(`${name}.usda`);
  const data = Buffer.from('#usda 1.0\n(\n    defaultPrim = "Model"\n    metersPerUnit = 1\n    upAxis = "Y"\n)\n\ndef Cube "Model"\n{\n    double size = 0.2\n}\n');
  const pad = 64 - ((30 + file.length + 4) % 64);
  const extra = Buffer.alloc(4 + pad);
  extra.writeUInt16LE(0x1986, 0); // padding, as usdzip writes it
  extra.writeUInt16LE(pad, 2);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  local.writeUInt16LE(extra.length, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const body = Buffer.concat([local, file, extra, data]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, central, file, end]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function citylabSiteEndpointPlugin({ adminKey }) {
  let dir;
  let child;
  let started;
  let visit;

  const start = async () => {
    const port = await freePort();
    const args = ['--import', 'tsx', 'test/browser/site-endpoint.ts', '--db', path.join(dir, 'site.db'), '--port', String(port), '--site', path.join(dir, 'site')];
    child = spawn(process.execPath, args, {
      env: { ...process.env, CITYLAB_ADMIN_KEY: adminKey, CITYLAB_LOG: 'silent', CITYLAB_PUBLIC_URL: `http://127.0.0.1:${port}` },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the site endpoint did not start within 30 s:\n${output}`)), 30_000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = LISTENING.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/+$/, ''));
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the site endpoint exited (${code}) before listening:\n${output}`));
      });
    });
  };

  return {
    name: 'citylab-site-endpoint',
    serverStart() {
      dir = mkdtempSync(path.join(tmpdir(), 'citylab-site-endpoint-'));
      mkdirSync(path.join(dir, 'site', 'models'), { recursive: true });
      // Also when the runner ends without stopping its plugins (a failed run).
      process.once('exit', () => {
        child?.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      });
      // Started now, in the background: a test-runner command waits at most 20 s.
      started = start();
      started.catch(() => {});
    },
    async serverStop() {
      await visit?.page.close().catch(() => {});
      child?.kill('SIGTERM');
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'citylab-visit') {
        await visit?.page.close().catch(() => {});
        const page = await session.browser.getPage(session.id).browser().newPage();
        visit = { page, errors: [] };
        page.on('pageerror', (e) => visit.errors.push(String(e.message ?? e)));
        await page.evaluateOnNewDocument(() => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
        });
        const response = await page.goto(payload.url);
        // Not awaited: the 3D engine takes longer than a command may (20 s); the test polls.
        void page
          .waitForFunction(() => document.querySelector('citylab-ar-viewer')?.shadowRoot?.querySelector('button.view-3d'), { timeout: 30_000 })
          .then((button) => button.evaluate((b) => b.click()))
          .catch((e) => visit.errors.push(`no view-3d button: ${e.message}`));
        return { csp: response?.headers()['content-security-policy'] ?? null };
      }
      if (command === 'citylab-visit-close') {
        // The tab goes, and the test's own page is in front again: a tab left drawing 3D in the
        // background starves, and a page left behind it throttles, every test file after this one.
        await visit?.page.close().catch(() => {});
        visit = undefined;
        await session.browser.getPage(session.id).bringToFront();
        return true;
      }
      if (command === 'citylab-visit-report') {
        if (!visit) return null;
        const seen = await visit.page.evaluate(() => ({ state: document.querySelector('citylab-ar-viewer')?.getAttribute('state') ?? null, violations: window.__violations }));
        return { ...seen, errors: visit.errors };
      }
      if (command !== 'citylab-site-endpoint') return undefined;
      for (const [name, url] of Object.entries(payload?.files ?? {})) {
        if (!/^[a-z0-9-]+\.(glb|webp|usdz)$/.test(name)) throw new Error(`citylab-site-endpoint: bad file name ${name}`);
        const res = await fetch(url);
        if (!res.ok) throw new Error(`citylab-site-endpoint: ${url} answered ${res.status}`);
        writeFileSync(path.join(dir, 'site', 'models', name), Buffer.from(await res.arrayBuffer()));
      }
      for (const name of payload?.usdz ?? []) {
        if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`citylab-site-endpoint: bad file name ${name}`);
        writeFileSync(path.join(dir, 'site', 'models', `${name}.usdz`), usdz(name));
      }
      return { endpoint: await started };
    },
  };
}
