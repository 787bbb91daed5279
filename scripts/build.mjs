#!/usr/bin/env node
/**
 * `npm run build`: bundles, declaration files, the custom-elements manifest, and
 * the demo site. Stops at the first step that fails, with its exit code.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const checkEntry = () => {
  const entry = readFileSync(path.join(root, 'dist/citylab.js'), 'utf8');
  const found = ENGINE_MARKERS.filter((marker) => marker.test(entry));
  if (found.length) {
    console.error(`build: dist/citylab.js contains the 3D engine (${found.join(', ')}); it must stay a lazy chunk`);
    return 1;
  }
  const lazy = readdirSync(path.join(root, 'dist')).filter(
    (f) => f.endsWith('.js') && f !== 'citylab.js' && ENGINE_MARKERS.some((m) => m.test(readFileSync(path.join(root, 'dist', f), 'utf8'))),
  );
  console.log(`build: the 3D engine is in ${lazy.join(', ') || '(no chunk: no element uses it)'}, not in citylab.js`);
  return 0;
};

const steps = [
  { name: 'bundles (rollup)', command: 'rollup', args: ['-c', 'rollup.config.mjs'] },
  { name: 'script-tag entry without the 3D engine', run: checkEntry },
  { name: 'declarations (tsc)', command: 'tsc', args: ['-p', 'tsconfig.build.json'] },
  { name: 'custom-elements.json (cem)', command: 'cem', args: ['analyze', '--litelement'] },
];
if (existsSync(path.join(root, 'demo/scripts/build.ts'))) {
  steps.push({
    name: 'demo site (demo/scripts/build.ts)',
    command: process.execPath,
    args: ['--import', 'tsx', 'demo/scripts/build.ts'],
  });
} else {
  console.log('build: demo/scripts/build.ts not found, skipping the demo site');
}
// After the demo site, so its models are the pipeline's (optimized, with rendered posters).
steps.push({
  name: 'demo models (demo/scripts/ar-models.ts: citylab-models optimize + poster)',
  command: process.execPath,
  args: ['--import', 'tsx', 'demo/scripts/ar-models.ts'],
});

// Stale lazy chunks from an earlier build would otherwise ship with the package.
rmSync(path.join(root, 'dist'), { recursive: true, force: true });

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

for (const cli of ['dist/server/cli.js', 'dist/models/cli.js']) {
  if (existsSync(path.join(root, cli))) chmodSync(path.join(root, cli), 0o755);
}
console.log('build: done');
