#!/usr/bin/env node
/**
 * `npm run build`: the three packages (bundles, declaration files, the
 * custom-elements manifest) into packages/<name>/dist, without Chromium and without
 * the demo. `--demo` (npm start, npm run bench) adds the demo town's site and
 * its 3D models. Stops at the first step that fails, with its exit code.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };

/** Runs one command with inherited stdio; resolves with its exit code. */
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`build: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

/**
 * The script-tag entry must not carry the 3D engine: model-viewer and three.js
 * (about 280 KB gzip) belong in their lazy chunk. Markers that survive minifying:
 * three's `__THREE__` global and its log prefix, model-viewer's own prompt text.
 */
const ENGINE_MARKERS = [/__THREE__/, /THREE\.WebGLRenderer/, /Use mouse, touch or arrow keys to move/];
const SDK_DIST = path.join(root, 'packages/citylab-sdk/dist');
const checkEntry = () => {
  const entry = readFileSync(path.join(SDK_DIST, 'citylab.js'), 'utf8');
  const found = ENGINE_MARKERS.filter((marker) => marker.test(entry));
  if (found.length) {
    console.error(`build: citylab.js contains the 3D engine (${found.join(', ')}); it must stay a lazy chunk`);
    return 1;
  }
  const lazy = readdirSync(SDK_DIST).filter(
    (f) => f.endsWith('.js') && f !== 'citylab.js' && ENGINE_MARKERS.some((m) => m.test(readFileSync(path.join(SDK_DIST, f), 'utf8'))),
  );
  console.log(`build: the 3D engine is in ${lazy.join(', ') || '(no chunk: no element uses it)'}, not in citylab.js`);
  return 0;
};

/**
 * Subresource Integrity of what a shop's snippet names: `dist/sri.json` (the endpoint reads the
 * version from it for `/sdk/<version>/…`) and the snippet printed, to copy into a page or the
 * README. The hashes are of the bytes served: the endpoint serves the files as they are here.
 */
const SNIPPET_FILES = ['citylab.css', 'citylab.js'];
const writeIntegrity = () => {
  const { version } = JSON.parse(readFileSync(path.join(root, 'packages/citylab-sdk/package.json'), 'utf8'));
  const integrity = Object.fromEntries(
    SNIPPET_FILES.map((f) => [f, `sha384-${createHash('sha384').update(readFileSync(path.join(SDK_DIST, f))).digest('base64')}`]),
  );
  writeFileSync(path.join(SDK_DIST, 'sri.json'), JSON.stringify({ version, integrity }, null, 2) + '\n');
  const base = `https://<your town's endpoint>/sdk/${version}`;
  console.log(`build: citylab-sdk ${version}, the snippet with Subresource Integrity:
<link rel="stylesheet" href="${base}/citylab.css" integrity="${integrity['citylab.css']}" crossorigin="anonymous">
<script type="module" src="${base}/citylab.js" integrity="${integrity['citylab.js']}" crossorigin="anonymous"></script>`);
  return 0;
};

const withDemo = process.argv.includes('--demo');
const steps = [
  // The shapes the client checks first-paint answers against, generated from the contract's schemas.
  { name: 'first-paint shapes (scripts/first-paint-shapes.ts)', command: process.execPath, args: ['--import', 'tsx', 'scripts/first-paint-shapes.ts'] },
  { name: 'bundles of the three packages (rollup)', command: 'rollup', args: ['-c', 'rollup.config.mjs'] },
  { name: 'script-tag entry without the 3D engine', run: checkEntry },
  { name: 'Subresource Integrity of the snippet (dist/sri.json)', run: writeIntegrity },
  { name: 'citylab-sdk declarations (tsc)', command: 'tsc', args: ['-p', 'packages/citylab-sdk/tsconfig.json'] },
  { name: 'citylab-sdk custom-elements.json (cem)', command: 'cem', args: ['analyze', '--litelement'] },
  // After the SDK's: the server and the pipeline import the contract's declarations from the built citylab-sdk.
  { name: 'citylab-server declarations (tsc)', command: 'tsc', args: ['-p', 'packages/citylab-server/tsconfig.json'] },
  { name: 'citylab-models declarations (tsc)', command: 'tsc', args: ['-p', 'packages/citylab-models/tsconfig.json'] },
];
if (withDemo) {
  steps.push({ name: 'demo site (demo/scripts/build.ts)', command: process.execPath, args: ['--import', 'tsx', 'demo/scripts/build.ts'] });
  // After the demo site, so its models are the pipeline's (optimized, with rendered posters).
  steps.push({
    name: 'demo models (demo/scripts/ar-models.ts: citylab-models optimize + poster)',
    command: process.execPath,
    args: ['--import', 'tsx', 'demo/scripts/ar-models.ts'],
  });
}

// Stale lazy chunks from an earlier build would otherwise ship with the package.
for (const pkg of ['citylab-sdk', 'citylab-server', 'citylab-models']) {
  rmSync(path.join(root, 'packages', pkg, 'dist'), { recursive: true, force: true });
}
rmSync(path.join(root, 'packages/citylab-sdk/custom-elements.json'), { force: true });

for (const [index, step] of steps.entries()) {
  console.log(`build: [${index + 1}/${steps.length}] ${step.name}`);
  const started = Date.now();
  const code = step.run ? await step.run() : await run(step.command, step.args);
  if (code !== 0) {
    console.error(`build: ${step.name} FAILED (exit ${code})`);
    process.exit(code);
  }
  console.log(`build: ${step.name} ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

for (const pkg of ['citylab-server', 'citylab-models']) chmodSync(path.join(root, 'packages', pkg, 'dist/cli.js'), 0o755);
console.log('build: done');
