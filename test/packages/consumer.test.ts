/**
 * The three packages as their users get them: each is packed with `npm pack`
 * (what npm would publish) and installed from the tarball into a fresh
 * project, as an agency or a town's operator would install it.
 *
 * - citylab-sdk alone brings only what its browser code imports (React and @lit/react,
 *   optional peers, not even them), runs no install script and has no native addon; the
 *   TypeScript snippets of its README type-check under `strict` and bundle with
 *   rollup; a bundle of the client alone holds no Lit. Then the agency adds React:
 *   the README's TSX snippets type-check and bundle too, and a bundle that uses one
 *   React component keeps and registers only that element.
 * - citylab-server from its tarball serves the SDK and the API.
 * - citylab-models from its tarball validates a model.
 *
 * Needs `npm run build` first (npm test runs it) and the npm registry (or npm's
 * cache) for the packages' own dependencies.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import commonjsPlugin from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup, type OutputChunk, type RollupLog } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import esbuild from 'rollup-plugin-esbuild';
import { buildModels } from '../../demo/scripts/models.js';

// Its types are CommonJS-flavoured: under NodeNext the default import is typed as the module, while Node hands over the function.
const commonjs = commonjsPlugin as unknown as typeof commonjsPlugin.default;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'citylab-packages-'));
const tarballs: Record<string, string> = {};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const ok = (r: Run, what: string) => assert.equal(r.code, 0, `${what} failed (exit ${r.code}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);

/** A fresh project that installs the given tarballs the way a user would (`npm install <tarball>`). */
async function consumer(name: string, packages: string[]): Promise<string> {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // npm 11 asks which install scripts may run; the server's SQLite driver is the one that must.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', allowScripts: { 'better-sqlite3': true } }, null, 2));
  const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...packages.map((p) => tarballs[p]!)], dir, {
    // Nothing of the repository's own npm setup leaks into the consumer.
    npm_config_workspaces: 'false',
  });
  ok(install, `npm install ${packages.join(' ')}`);
  return dir;
}

interface InstalledPackage {
  path: string;
  name: string;
  version: string;
  scripts: Record<string, string>;
  hasBindingGyp: boolean;
  nativeFiles: string[];
}

/** Every package under node_modules, nested ones too (from npm's own record of the tree). */
function installed(dir: string): InstalledPackage[] {
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; link?: boolean }> };
  return Object.keys(lock.packages)
    .filter((path) => path.startsWith('node_modules/'))
    .map((path) => {
      const full = join(dir, path);
      const pkg = JSON.parse(readFileSync(join(full, 'package.json'), 'utf8')) as { name: string; version: string; scripts?: Record<string, string> };
      const nativeFiles = (readdirSync(full, { recursive: true }) as string[]).filter((f) => f.endsWith('.node') && !f.includes('node_modules'));
      return { path, name: pkg.name, version: pkg.version, scripts: pkg.scripts ?? {}, hasBindingGyp: existsSync(join(full, 'binding.gyp')), nativeFiles };
    });
}

/** Bare import specifiers (static and dynamic) of every built module of the SDK's npm build, as package names. */
function packagesImportedBy(dir: string): Set<string> {
  const names = new Set<string>();
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; source?: { type?: string; value?: unknown } };
    if (
      (n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ImportExpression') &&
      n.source?.type === 'Literal' &&
      typeof n.source.value === 'string' &&
      !n.source.value.startsWith('.')
    ) {
      const spec = n.source.value;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  for (const file of files) visit(parseAst(readFileSync(join(dir, file), 'utf8')));
  return names;
}

/**
 * Rollup warnings about the SDK or the snippets fail the test; third-party quirks (zod's comment
 * annotations, model-viewer's circular imports) are theirs to fix.
 */
function failOnOurWarnings(warning: RollupLog): void {
  const ours = !warning.id || !warning.id.includes('node_modules') || warning.id.includes('node_modules/citylab-sdk/');
  if (warning.code === 'UNRESOLVED_IMPORT' || warning.code === 'MISSING_EXPORT' || (ours && warning.code !== 'CIRCULAR_DEPENDENCY')) {
    assert.fail(`rollup: ${warning.message}`);
  }
}

/** The ```ts (or ```tsx) blocks of a README. */
function snippets(readme: string, lang: 'ts' | 'tsx'): string[] {
  return [...readme.matchAll(new RegExp(`\`\`\`${lang}\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
}

/** Modules of a bundle that made it into the output (not tree-shaken away), relative to `dir`. */
function renderedModules(output: readonly { type: string }[], dir: string): string[] {
  return (output.filter((c) => c.type === 'chunk') as OutputChunk[])
    .flatMap((chunk) => Object.entries(chunk.modules).filter(([, m]) => m.renderedLength > 0).map(([id]) => relative(dir, id)));
}

before(async () => {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work, '-w', 'citylab-sdk', '-w', 'citylab-server', '-w', 'citylab-models'], ROOT);
  ok(packed, 'npm pack');
  for (const { name, filename } of JSON.parse(packed.stdout) as { name: string; filename: string }[]) tarballs[name] = join(work, filename);
  assert.deepEqual(Object.keys(tarballs).sort(), ['citylab-models', 'citylab-sdk', 'citylab-server']);
});

after(() => rmSync(work, { recursive: true, force: true }));

describe('citylab-sdk, installed alone from its tarball', () => {
  let dir: string;
  let packages: InstalledPackage[];
  const sdkManifest = JSON.parse(readFileSync(join(ROOT, 'packages/citylab-sdk/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  const peers = Object.keys(sdkManifest.peerDependencies);
  /** Peers only some agencies have (React): the code imports them, npm does not install them. */
  const optionalPeers = peers.filter((p) => sdkManifest.peerDependenciesMeta?.[p]?.optional);
  const requiredPeers = peers.filter((p) => !optionalPeers.includes(p));

  before(async () => {
    dir = await consumer('agency', ['citylab-sdk']);
    packages = installed(dir);
  });

  it('declares exactly the packages its browser code imports: dependencies and optional peers (and three.js, the 3D engine’s peer)', () => {
    const imported = packagesImportedBy(join(dir, 'node_modules/citylab-sdk/dist/esm'));
    assert.deepEqual(optionalPeers.sort(), ['@lit/react', 'react'], 'React and @lit/react are the optional peers (citylab-sdk/react)');
    assert.deepEqual([...imported].sort(), [...Object.keys(sdkManifest.dependencies), ...optionalPeers].sort(), 'imports of dist/esm vs dependencies and optional peers');
    // model-viewer imports three.js and asks its users to install it (a peer); so does the SDK.
    const mv = JSON.parse(readFileSync(join(dir, 'node_modules/@google/model-viewer/package.json'), 'utf8')) as { peerDependencies?: Record<string, string> };
    assert.deepEqual(requiredPeers, Object.keys(mv.peerDependencies ?? {}));
  });

  it('installs only that: no server, tool or native package, no install script', () => {
    const names = packages.map((p) => p.name);
    process.stdout.write(`# citylab-sdk alone installs ${names.length} packages: ${names.join(', ')}\n`);
    for (const forbidden of ['better-sqlite3', 'pg', 'hono', '@hono/node-server', 'nodemailer', 'puppeteer-core', 'sharp', 'csv-parse', '@gltf-transform/core', 'meshoptimizer', 'draco3dgltf', 'gltf-validator', 'typescript', 'rollup', 'react', 'react-dom']) {
      assert.ok(!names.includes(forbidden), `${forbidden} was installed`);
    }
    for (const p of packages) {
      // (`prepare` runs only for git dependencies and the project itself, never for a package from the registry.)
      for (const hook of ['preinstall', 'install', 'postinstall']) assert.equal(p.scripts[hook], undefined, `${p.name} has an ${hook} script`);
      assert.equal(p.hasBindingGyp, false, `${p.name} builds a native addon`);
      assert.deepEqual(p.nativeFiles, [], `${p.name} ships native files`);
    }
    // Every installed package is needed by what the elements import: the SDK's dependencies and theirs.
    const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> }>;
    };
    const needed = new Set<string>();
    const visit = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      const entry = lock.packages[`node_modules/${name}`];
      const peers = Object.keys(entry?.peerDependencies ?? {}).filter((p) => !entry?.peerDependenciesMeta?.[p]?.optional);
      for (const dep of [...Object.keys(entry?.dependencies ?? {}), ...peers]) visit(dep);
    };
    visit('citylab-sdk');
    for (const p of packages) assert.ok(needed.has(p.name), `${p.name} is installed but nothing the elements import needs it`);
    // React and @lit/react are optional peers: an agency without React gets neither (nor their types).
    const reactish = names.filter((n) => ['react', 'react-dom', '@lit/react', '@types/react', '@types/react-dom'].includes(n)).sort();
    assert.deepEqual(reactish, [], 'React-related packages of a plain install');
  });

  it("its README's TypeScript snippets type-check under strict and bundle with rollup", async () => {
    const ts = snippets(readFileSync(join(dir, 'node_modules/citylab-sdk/README.md'), 'utf8'), 'ts');
    assert.ok(ts.length >= 3, `the README has ${ts.length} TypeScript snippets`);
    const src = join(dir, 'src');
    mkdirSync(src, { recursive: true });
    // Each snippet is a module of its own (top-level await is fine in a module).
    ts.forEach((code, i) => writeFileSync(join(src, `snippet-${i + 1}.ts`), `${code}\nexport {};\n`));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
        include: ['src'],
      }),
    );
    ok(await run(TSC, ['-p', 'tsconfig.json'], dir), 'tsc --strict on the README snippets');

    const bundle = await rollup({
      input: ts.map((_, i) => join(src, `snippet-${i + 1}.ts`)),
      plugins: [nodeResolve({ browser: true, rootDir: dir }), esbuild({ target: 'es2022', tsconfig: join(dir, 'tsconfig.json') })],
      onwarn: failOnOurWarnings,
    });
    const { output } = await bundle.generate({ format: 'es', dir: join(dir, 'out') });
    await bundle.close();
    assert.ok(output.some((chunk) => chunk.type === 'chunk' && chunk.isEntry));
  });

  it('a bundle that imports only the client holds no Lit', async () => {
    const entry = join(dir, 'client-only.js');
    writeFileSync(entry, "import { clientFor } from 'citylab-sdk/client';\nexport const client = clientFor('https://citylab.example');\n");
    const bundle = await rollup({ input: entry, plugins: [nodeResolve({ browser: true, rootDir: dir })], onwarn: failOnOurWarnings });
    const { output } = await bundle.generate({ format: 'es', dir: join(dir, 'out-client') });
    await bundle.close();
    const modules = output.flatMap((chunk) => (chunk.type === 'chunk' ? Object.keys(chunk.modules) : [])).map((m) => relative(dir, m));
    assert.ok(modules.some((m) => m.includes('citylab-sdk/dist/esm/client/')), 'the client is in the bundle');
    const lit = modules.filter((m) => /node_modules\/(lit|lit-html|lit-element|@lit)\//.test(m));
    assert.deepEqual(lit, [], 'Lit modules in a client-only bundle');
  });

  // After the checks of citylab-sdk alone: from here on the agency has added React.
  describe('with React, as an agency on React adds it', () => {
    /** React as the page's own: CommonJS, bundled as the agency's bundler would. */
    const reactBundle = (input: string[]) =>
      rollup({
        input,
        plugins: [
          nodeResolve({ browser: true, rootDir: dir, extensions: ['.mjs', '.js', '.json', '.ts', '.tsx'] }),
          commonjs(),
          esbuild({ target: 'es2022', tsconfig: join(dir, 'tsconfig.react.json') }),
        ],
        onwarn: failOnOurWarnings,
      });

    before(async () => {
      const react = ['react@^19', 'react-dom@^19', '@lit/react@^1', '@types/react@^19', '@types/react-dom@^19'];
      ok(await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...react], dir, { npm_config_workspaces: 'false' }), `npm install ${react.join(' ')}`);
      writeFileSync(
        join(dir, 'tsconfig.react.json'),
        JSON.stringify({
          compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
          include: ['react-src'],
        }),
      );
    });

    it("its README's React snippets (the components and the plain tags) type-check under strict and bundle with rollup", async () => {
      const tsx = snippets(readFileSync(join(dir, 'node_modules/citylab-sdk/README.md'), 'utf8'), 'tsx');
      assert.ok(tsx.length >= 2, `the README has ${tsx.length} TSX snippets`);
      assert.ok(tsx.some((code) => code.includes("from 'citylab-sdk/react'")), 'a snippet with the React components');
      assert.ok(tsx.some((code) => code.includes("'citylab-sdk/react/jsx'") && /<citylab-[a-z-]+/.test(code)), 'a snippet with the plain tags');
      const src = join(dir, 'react-src');
      mkdirSync(src, { recursive: true });
      const files = tsx.map((code, i) => {
        const file = join(src, `snippet-${i + 1}.tsx`);
        writeFileSync(file, `${code}\nexport {};\n`);
        return file;
      });
      ok(await run(TSC, ['-p', 'tsconfig.react.json'], dir), 'tsc --strict on the README TSX snippets');

      const bundle = await reactBundle(files);
      const { output } = await bundle.generate({ format: 'es', dir: join(dir, 'out-react') });
      await bundle.close();
      const modules = renderedModules(output, dir);
      assert.ok(modules.some((m) => m.startsWith('node_modules/react-dom/')), 'React itself is in the bundle');
      assert.ok(modules.some((m) => m.includes('citylab-sdk/dist/esm/react/')), 'the components are in the bundle');
    });

    it('a bundle that uses one React component keeps and registers only that element', async () => {
      const entry = join(dir, 'react-src', 'one-component.tsx');
      writeFileSync(entry, "import { CitylabStoreFinder } from 'citylab-sdk/react';\nexport const finder = <CitylabStoreFinder gtin=\"2004317130014\" />;\n");
      const bundle = await reactBundle([entry]);
      const { output } = await bundle.generate({ format: 'es', dir: join(dir, 'out-one-component') });
      await bundle.close();
      const modules = renderedModules(output, dir).filter((m) => m.includes('citylab-sdk/dist/esm/'));
      assert.ok(modules.includes('node_modules/citylab-sdk/dist/esm/elements/store-finder/define.js'), 'the finder is registered');
      // (Its QR code helper may come along: the reservation dialog, which the finder loads on demand, shares it.)
      const viewer = ['elements/ar-viewer/ar-viewer.js', 'elements/ar-viewer/define.js', 'react/ar-viewer.js'].map((m) => `node_modules/citylab-sdk/dist/esm/${m}`);
      assert.deepEqual(modules.filter((m) => viewer.includes(m)), [], 'the AR viewer, its registration or its component');
    });
  });
});

describe('citylab-server and citylab-models, installed from their tarballs', () => {
  let dir: string;
  let server: ChildProcess | undefined;

  before(async () => {
    dir = await consumer('town', ['citylab-sdk', 'citylab-server', 'citylab-models']);
  });
  after(() => server?.kill('SIGKILL'));

  it('`citylab-server serve` serves the SDK and the API: health, and an availability answer', async () => {
    const ADMIN = 'consumer-test-admin-key-0123456789abcdef';
    server = spawn(join(dir, 'node_modules/.bin/citylab-server'), ['serve', '--port', '0', '--db', join(dir, 'town.db')], {
      cwd: dir,
      env: { ...process.env, CITYLAB_ADMIN_KEY: ADMIN, CITYLAB_LOG: 'silent', CITYLAB_PUBLIC_URL: 'https://citylab.town.example' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server!.on('exit', (code) => reject(new Error(`citylab-server exited (${code}) before listening:\n${out}`)));
    });

    const health = await fetch(`${url}/v1/health`);
    assert.equal(health.status, 200);
    const installedVersion = (JSON.parse(readFileSync(join(dir, 'node_modules/citylab-server/package.json'), 'utf8')) as { version: string }).version;
    assert.equal(((await health.json()) as { version: string }).version, installedVersion);

    const sdk = await fetch(`${url}/sdk/citylab.js`);
    assert.equal(sdk.status, 200);
    assert.match(sdk.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await sdk.text(), readFileSync(join(dir, 'node_modules/citylab-sdk/dist/citylab.js'), 'utf8'), 'the installed SDK’s bundle');

    const admin = { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${url}/v1/stores`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'Buchhandlung am Markt', address: { street: 'Alter Markt 4', postal_code: '59821', city: 'Arnsberg', country: 'DE' }, location: { lat: 51.3968, lon: 8.0647 } }),
    });
    assert.equal(created.status, 201);
    const { store, key } = (await created.json()) as { store: { id: string }; key: string };
    const feed = await fetch(`${url}/v1/stores/${store.id}/inventory`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv' },
      body: 'id,gtin,title,quantity,price\nB-1,4006381333931,Stadtgeschichte Arnsberg,3,24.90 EUR\n',
    });
    assert.equal(feed.status, 200, await feed.clone().text());
    const availability = await fetch(`${url}/v1/availability?gtin=4006381333931`);
    assert.equal(availability.status, 200);
    const body = (await availability.json()) as { offers: { store: { id: string }; availability: string }[] };
    assert.deepEqual(body.offers.map((o) => [o.store.id, o.availability]), [[store.id, 'in_stock']]);

    // The elements' first frames, rendered by the installed server with the installed SDK's elements
    // (the shop takes no reservations yet: the button says so).
    const frames = await fetch(`${url}/v1/frames?gtin=4006381333931&store=${store.id}&elements=click-collect`);
    assert.equal(frames.status, 200, await frames.clone().text());
    assert.match(await frames.text(), /^<citylab-click-collect[^>]* status="unavailable"><template shadowroot="open" shadowrootmode="open"><style>[^<]+<\/style><div class="base" part="base" lang="de"><button part="button" class="reserve"[^>]*>[\s\S]*Reservieren &amp; abholen<\/button>[\s\S]*in keinem Geschäft reservieren/);
  });

  it('`citylab-models validate` checks a model', async () => {
    const [model] = await buildModels(join(dir, 'models'));
    const result = await run(join(dir, 'node_modules/.bin/citylab-models'), ['validate', model!.glb, '--json'], dir);
    ok(result, 'citylab-models validate');
    const report = JSON.parse(result.stdout) as { ok: boolean; stats: { triangles: number } };
    assert.equal(report.ok, true);
    assert.ok(report.stats.triangles > 0);
  });
});
