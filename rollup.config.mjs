/**
 * Three builds from one source tree:
 *
 *  (a) dist/citylab.js       – the script-tag bundle: one ES module with Lit and
 *                              everything else inside, minified; heavy things
 *                              imported with `import()` become lazy chunks beside it.
 *  (b) dist/esm/**           – the npm build: one output file per source module,
 *                              dependencies left as imports so the agency's bundler
 *                              dedupes Lit and zod.
 *  (c) dist/server/cli.js    – the endpoint's CLI for `npx citylab-server`, with
 *                              the demo town's seed data bundled in.
 *  (d) dist/models/cli.js    – the model pipeline's CLI for `npx citylab-models`.
 *
 * TypeScript 7 is the native compiler and @rollup/plugin-typescript cannot drive
 * it, so esbuild strips types here and `tsc` type-checks and writes the .d.ts
 * files separately (tsconfig.build.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** True for `name` itself and any subpath of it (`lit` → `lit/decorators.js`). */
const matchesPackage = (names) => (id) =>
  names.some((name) => id === name || id.startsWith(`${name}/`));

const dependencies = Object.keys(pkg.dependencies ?? {});
const peerDependencies = Object.keys(pkg.peerDependencies ?? {});

const nodeBuiltins = new Set(builtinModules);
const isNodeBuiltin = (id) => id.startsWith('node:') || nodeBuiltins.has(id.split('/')[0]);

const resolveOptions = {
  extensions: ['.mjs', '.js', '.ts', '.json'],
  // package.json's `sideEffects` names the *built* define modules (dist/…); applied to
  // src/ it would mark src/elements/*/define.ts side-effect free and drop the
  // registrations that src/define.ts imports.
  ignoreSideEffectsForRoot: true,
};

/** esbuild reads experimentalDecorators / useDefineForClassFields from the tsconfig (Lit style). */
const typescript = (extra = {}) =>
  esbuild({ target: 'es2022', tsconfig: './tsconfig.json', ...extra });

/**
 * `import css from 'x.css'` gives the file's text, which an element adopts into
 * its shadow root (Leaflet's stylesheet for the finder's map). Inlined in both
 * browser builds, so agencies' bundlers need no CSS loader.
 */
const cssText = () => ({
  name: 'css-text',
  transform(code, id) {
    if (!id.endsWith('.css')) return null;
    return { code: `export default ${JSON.stringify(code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' '))};`, map: { mappings: '' } };
  },
});

/** Warnings that say something is wrong fail the build instead of scrolling past. */
const onwarn = (warning, warn) => {
  if (warning.code === 'UNRESOLVED_IMPORT' || warning.code === 'MISSING_EXPORT') {
    throw new Error(`${warning.message}${warning.id ? ` (in ${warning.id})` : ''}`);
  }
  warn(warning);
};

/** Entry points of the npm build; `required` ones must exist, the others are added once written. */
const npmEntries = () => {
  const required = ['src/index.ts', 'src/define.ts'];
  for (const file of required) {
    if (!existsSync(file)) throw new Error(`rollup.config.mjs: missing entry ${file}`);
  }
  const elementsDir = 'src/elements';
  const elementDefines = existsSync(elementsDir)
    ? readdirSync(elementsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== 'internal')
        .map((entry) => `${elementsDir}/${entry.name}/define.ts`)
        .filter((file) => existsSync(file))
        .sort()
    : [];
  const optional = ['src/shared/client.ts', 'src/shared/schemas.ts'].filter((file) => {
    if (existsSync(file)) return true;
    console.warn(`rollup.config.mjs: ${file} does not exist yet; package export for it will be missing`);
    return false;
  });
  return [...required, ...elementDefines, ...optional];
};

export default [
  // (a) script-tag bundle
  {
    input: 'src/citylab.ts',
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    plugins: [
      nodeResolve({ ...resolveOptions, browser: true, exportConditions: ['production'] }),
      cssText(),
      typescript(),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'citylab.js',
      // An element's chunk is named after it (store-finder-[hash].js), so a page's downloads read clearly.
      chunkFileNames: (chunk) => {
        const define = [chunk.facadeModuleId ?? '', ...chunk.moduleIds].find((id) => /elements\/(?!internal\/)[^/]+\/define\.ts$/.test(id));
        const element = define ? /elements\/([^/]+)\/define\.ts$/.exec(define)?.[1] : undefined;
        return `${element ?? '[name]'}-[hash].js`;
      },
      sourcemap: true,
    },
  },

  // (b) npm build
  {
    input: npmEntries(),
    external: (id) => !id.endsWith('.css') && matchesPackage([...dependencies, ...peerDependencies])(id),
    onwarn,
    plugins: [
      nodeResolve({ ...resolveOptions, browser: true }),
      cssText(),
      typescript(),
    ],
    output: {
      dir: 'dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },

  // (c) server CLI
  {
    input: 'src/server/cli.ts',
    external: (id) => isNodeBuiltin(id) || matchesPackage(dependencies)(id),
    onwarn,
    plugins: [
      nodeResolve({ ...resolveOptions, exportConditions: ['node'], preferBuiltins: true }),
      // `.json` lets the server import package.json (its version) without another plugin.
      typescript({ platform: 'node', loaders: { '.json': 'json' } }),
    ],
    output: {
      file: 'dist/server/cli.js',
      format: 'es',
      banner: '#!/usr/bin/env node',
      inlineDynamicImports: true,
      sourcemap: true,
    },
  },

  // (d) the model pipeline's CLI, `npx citylab-models` (glTF-Transform, the Khronos
  //     validator, meshoptimizer, Draco and puppeteer-core stay installed packages).
  {
    input: 'src/models/cli.ts',
    external: (id) => isNodeBuiltin(id) || matchesPackage([...dependencies, ...Object.keys(pkg.optionalDependencies ?? {})])(id),
    onwarn,
    plugins: [
      nodeResolve({ ...resolveOptions, exportConditions: ['node'], preferBuiltins: true }),
      typescript({ platform: 'node' }),
    ],
    output: {
      file: 'dist/models/cli.js',
      format: 'es',
      banner: '#!/usr/bin/env node',
      inlineDynamicImports: true,
      sourcemap: true,
    },
  },
];
