/**
 * Every build of the three packages, from the sources in src/:
 *
 *  citylab-sdk      (src/sdk → packages/citylab-sdk/dist)
 *    (a) citylab.js   – the script-tag bundle: Lit and everything else inside, minified;
 *                       each element and every heavy part (3D engine, map, dialog, QR)
 *                       a lazy chunk beside it; the 3D decoders copied to decoders/.
 *    (b) esm/**       – the npm build: one file per source module, dependencies left as
 *                       imports so an agency's bundler dedupes Lit and zod.
 *  citylab-server   (src/server → packages/citylab-server/dist)
 *    (c) cli.js, index.js – the endpoint's CLI and its programmatic API.
 *  citylab-models   (src/models → packages/citylab-models/dist)
 *    (d) cli.js, index.js – the model pipeline's CLI and API.
 *
 * The server and the pipeline import the contract as `citylab-sdk/contract`: inside the
 * repository tsconfig's `paths` point that at src/sdk (for tsc and tsx); here it stays an
 * import of the installed citylab-sdk, so the contract exists once, in that package.
 *
 * TypeScript 7 is the native compiler and @rollup/plugin-typescript cannot drive
 * it, so esbuild strips types here and `tsc` type-checks and writes the .d.ts
 * files separately (tsconfig.build.*.json).
 */
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import commonjs from '@rollup/plugin-commonjs';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

const readJson = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const sdkPkg = readJson('./packages/citylab-sdk/package.json');
const serverPkg = readJson('./packages/citylab-server/package.json');
const modelsPkg = readJson('./packages/citylab-models/package.json');

/** True for `name` itself and any subpath of it (`lit` → `lit/decorators.js`). */
const matchesPackage = (names) => (id) => names.some((name) => id === name || id.startsWith(`${name}/`));
/** Everything a package declares stays an import of the installed package. */
const declared = (pkg) =>
  matchesPackage([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);

const nodeBuiltins = new Set(builtinModules);
const isNodeBuiltin = (id) => id.startsWith('node:') || nodeBuiltins.has(id.split('/')[0]);

const resolveOptions = {
  extensions: ['.mjs', '.js', '.ts', '.json'],
  // package.json's `sideEffects` names the *built* define modules (dist/…); applied to
  // src/ it would mark src/sdk/elements/*/define.ts side-effect free and drop the
  // registrations that src/sdk/define.ts imports.
  ignoreSideEffectsForRoot: true,
};

/** esbuild reads experimentalDecorators / useDefineForClassFields from the tsconfig (Lit style). */
const typescript = (extra = {}) => esbuild({ target: 'es2022', tsconfig: './tsconfig.json', ...extra });

/** The version the script-tag entry names when it meets another copy of itself on a page (src/sdk/version.ts). */
const versionDefine = { __CITYLAB_VERSION__: JSON.stringify(sdkPkg.version) };

/**
 * citylab.css beside citylab.js: the render-blocking stylesheet of the snippet, which reserves each
 * element's space before any script runs (src/sdk/citylab.css says how the sizes are made).
 */
const pageStylesheet = () => ({
  name: 'citylab-css',
  generateBundle() {
    const source = readFileSync(new URL('./src/sdk/citylab.css', import.meta.url), 'utf8');
    // Comments are for the repository; the file a page blocks on is small.
    const min = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};:,>])\s*/g, '$1').replace(/;}/g, '}').trim();
    this.emitFile({ type: 'asset', fileName: 'citylab.css', source: min + '\n' });
  },
});

/**
 * Lit's `html` and `css` literals are written readable (indentation, comments in CSS); in the
 * script-tag bundle they ship minified (HTML whitespace, CSS through lightningcss). A literal the
 * minifier cannot parse fails the build rather than shipping unminified.
 */
const litLiterals = () =>
  minifyLiterals({
    include: ['src/sdk/**/*.ts'],
    failOnError: true,
  });

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

/**
 * The run-time decoders a compressed model may need in the browser, shipped with the SDK
 * (`dist/decoders/`) and served by the endpoint at `/sdk/decoders/`, never from a
 * third-party CDN (model-viewer's defaults point at Google's). Each comes from the
 * package its loader was built against: three.js ships the Draco and Basis decoders
 * beside the loaders model-viewer uses, meshoptimizer its decoder.
 */
const DECODERS = {
  'draco_wasm_wrapper.js': ['three', 'examples/jsm/libs/draco/gltf/draco_wasm_wrapper.js'],
  'draco_decoder.wasm': ['three', 'examples/jsm/libs/draco/gltf/draco_decoder.wasm'],
  'draco_decoder.js': ['three', 'examples/jsm/libs/draco/gltf/draco_decoder.js'],
  'basis_transcoder.js': ['three', 'examples/jsm/libs/basis/basis_transcoder.js'],
  'basis_transcoder.wasm': ['three', 'examples/jsm/libs/basis/basis_transcoder.wasm'],
  'meshopt_decoder.js': ['meshoptimizer', 'meshopt_decoder.cjs'],
};
const decoders = () => ({
  name: 'citylab-decoders',
  generateBundle() {
    const require = createRequire(import.meta.url);
    // Their `exports` hide package.json: go via each package's main file.
    const roots = {
      three: path.join(path.dirname(require.resolve('three')), '..'),
      meshoptimizer: path.dirname(require.resolve('meshoptimizer')),
    };
    for (const [name, [pkg, file]] of Object.entries(DECODERS)) {
      this.emitFile({ type: 'asset', fileName: `decoders/${name}`, source: readFileSync(path.join(roots[pkg], file)) });
    }
  },
});

/**
 * What the script-tag bundle changes in two dependencies so that they work on a shop page with
 * Trusted Types (`require-trusted-types-for 'script'`) and without a script tag of their own.
 * Each is an exact text replacement; when an update of the package changes the text, the build
 * fails here instead of shipping the old behaviour (see the strict-CSP browser test).
 */
const DEPENDENCY_PATCHES = [
  {
    file: 'leaflet/dist/leaflet-src.esm.js',
    why: 'Leaflet writes strings into innerHTML, which Trusted Types refuses (the map chunk failed to load at all)',
    replace: [
      // Run when the module loads: probes inline SVG with innerHTML. Every browser that runs the SDK has it.
      ["var inlineSvg = !!svg$1 && (function () {\n\tvar div = document.createElement('div');\n\tdiv.innerHTML = '<svg/>';", "var inlineSvg = !!svg$1 && (function () {\n\tvar div = { firstChild: svgCreate('svg') };"],
      // The zoom buttons' and the scale's labels are plain text (map.ts passes text, never markup).
      ['\t\tlink.innerHTML = html;\n\t\tlink.href = \'#\';', "\t\tlink.textContent = html;\n\t\tlink.href = '#';"],
      ['\t\tscale.innerHTML = text;', '\t\tscale.textContent = text;'],
    ],
  },
  {
    file: '@google/model-viewer/lib/three-components/CachingGLTFLoader.js',
    why: 'model-viewer adds a <script src> for the meshopt decoder (a Trusted Types sink, a global MeshoptDecoder, and an unhandled rejection when refused) although it then uses the decoder three.js bundles',
    replace: [['            meshoptDecoder = fetchScript(url)\n', '            meshoptDecoder = Promise.resolve()\n']],
  },
  {
    file: '@google/model-viewer/lib/template.js',
    why: "model-viewer's shadow template carries a <style> element, which a style-src without 'unsafe-inline' refuses (its layout was lost); the same CSS as a constructable stylesheet is not an inline style",
    replace: [
      [/const templateResult = html `\n<style>\n([^`$]*?)<\/style>\n/, (_, css) => `const modelViewerSheet = new CSSStyleSheet();\nmodelViewerSheet.replaceSync(${JSON.stringify(css)});\nconst templateResult = html \``],
      ['export const makeTemplate = (shadowRoot) => {\n', 'export const makeTemplate = (shadowRoot) => {\n    shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, modelViewerSheet];\n'],
    ],
  },
];
const patchDependencies = () => ({
  name: 'citylab-dependency-patches',
  transform(code, id) {
    const patch = DEPENDENCY_PATCHES.find((p) => id.replace(/\\/g, '/').endsWith(`node_modules/${p.file}`));
    if (!patch) return null;
    // Leaflet's file has CRLF line ends; the patterns are written with \n.
    let out = code.replace(/\r\n/g, '\n');
    for (const [from, to] of patch.replace) {
      if (typeof from === 'string' ? !out.includes(from) : !from.test(out)) this.error(`${patch.file} changed: cannot apply the patch (${patch.why}); look again at ${String(from).slice(0, 60)}`);
      out = out.replace(from, to);
    }
    return { code: out, map: null };
  },
});

/**
 * One shared chunk for the script-tag bundle: what two elements' first paint both need (Lit, the
 * client, the shared element pieces, the small contract modules) is one file instead of half a
 * dozen small ones, which a phone fetches one after another and gzip compresses each alone.
 * A module goes there when the first-paint code (static imports from an element's define.ts) of
 * at least two elements reaches it; code behind a dynamic import (dialog, map, 3D engine, QR, the
 * schemas) stays in its own lazy chunk.
 */
const firstPaintElements = /elements\/(?!internal\/)[^/]+\/define\.ts$/;
const sharedChunk = () => {
  const reach = new Map();
  const reachable = (id, getModuleInfo) => {
    if (reach.has(id)) return reach.get(id);
    const seen = new Set();
    const stack = [id];
    while (stack.length) {
      const next = stack.pop();
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(getModuleInfo(next)?.importedIds ?? []));
    }
    reach.set(id, seen);
    return seen;
  };
  return (id, { getModuleIds, getModuleInfo }) => {
    const ids = [...getModuleIds()];
    const elements = ids.filter((m) => firstPaintElements.test(m.replace(/\\/g, '/')));
    if (!elements.some((root) => reachable(root, getModuleInfo).has(id))) return undefined;
    // What the entry itself needs stays in citylab.js.
    const entry = ids.find((m) => getModuleInfo(m)?.isEntry);
    if (entry && reachable(entry, getModuleInfo).has(id)) return undefined;
    // Each element's first paint and each lazy part (dialog, schemas, …) is a root; shared by two → shared chunk.
    const lazy = ids.filter((m) => (getModuleInfo(m)?.dynamicImporters.length ?? 0) > 0 && !elements.includes(m));
    const users = [...elements, ...lazy].filter((root) => reachable(root, getModuleInfo).has(id)).length;
    return users >= 2 ? 'shared' : undefined;
  };
};

/**
 * Names the shared chunk in citylab.js (`__CITYLAB_SHARED_CHUNKS__`, see src/sdk/autoload.ts), so
 * the entry fetches it alongside the first element's chunk rather than after it.
 */
const sharedChunkNames = () => ({
  name: 'citylab-shared-chunk-names',
  generateBundle(_options, bundle) {
    const entry = bundle['citylab.js'];
    const shared = Object.values(bundle).filter((c) => c.type === 'chunk' && c.name === 'shared').map((c) => `./${c.fileName}`);
    if (entry?.type !== 'chunk' || !entry.code.includes('__CITYLAB_SHARED_CHUNKS__')) this.error('citylab.js does not name __CITYLAB_SHARED_CHUNKS__ (src/sdk/autoload.ts)');
    entry.code = entry.code.replaceAll('__CITYLAB_SHARED_CHUNKS__', JSON.stringify(shared));
  },
});

/**
 * citylab.js asks for the elements' first answers itself (src/sdk/prefetch-page.ts) with the
 * functions the elements use (endpoint, availability URL, client/prefetch.ts). Imported as they
 * are, rollup would keep them in citylab.js and make the shared chunk import `./citylab.js`; a
 * page that loads `citylab.js?v=2` would then run the entry twice (two URLs, two modules). So
 * the entry gets its own copy of each (a few hundred bytes): written once, bundled twice, and
 * the two copies meet at run time under a registered symbol.
 */
const ENTRY_COPY = '?entry-copy=.ts';
const entryCopies = () => ({
  name: 'citylab-entry-copies',
  async resolveId(source, importer, options) {
    const from = importer?.replace(/\\/g, '/') ?? '';
    if (!source.startsWith('.') || !(from.endsWith('src/sdk/prefetch-page.ts') || from.endsWith(ENTRY_COPY))) return null;
    const resolved = await this.resolve(source, importer.replace(ENTRY_COPY, ''), { ...options, skipSelf: true });
    return resolved && !resolved.external ? resolved.id + ENTRY_COPY : resolved;
  },
  load(id) {
    return id.endsWith(ENTRY_COPY) ? readFileSync(id.slice(0, -ENTRY_COPY.length), 'utf8') : null;
  },
});

/** Warnings that say something is wrong fail the build instead of scrolling past. */
const onwarn = (warning, warn) => {
  if (warning.code === 'UNRESOLVED_IMPORT' || warning.code === 'MISSING_EXPORT') {
    throw new Error(`${warning.message}${warning.id ? ` (in ${warning.id})` : ''}`);
  }
  warn(warning);
};

/** The SDK's public entry points; each maps to an `exports` entry of packages/citylab-sdk/package.json. */
const sdkEntries = [
  'src/sdk/index.ts',
  'src/sdk/define.ts',
  'src/sdk/client/index.ts',
  'src/sdk/contract/index.ts',
  'src/sdk/elements/ar-viewer/define.ts',
  'src/sdk/elements/click-collect/define.ts',
  'src/sdk/elements/store-finder/define.ts',
  'src/sdk/react/index.ts',
];

/** A node package's two entries share their code; only the CLI gets the shebang. */
const nodeOutput = (dir) => ({
  dir,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
  sourcemap: true,
});

export default [
  // (a) the script-tag bundle
  {
    input: 'src/sdk/citylab.ts',
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    plugins: [
      entryCopies(),
      nodeResolve({ ...resolveOptions, browser: true, exportConditions: ['production'] }),
      patchDependencies(),
      cssText(),
      typescript({ define: versionDefine }),
      litLiterals(),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
      decoders(),
      pageStylesheet(),
      sharedChunkNames(),
    ],
    output: {
      dir: 'packages/citylab-sdk/dist',
      format: 'es',
      entryFileNames: 'citylab.js',
      manualChunks: sharedChunk(),
      // An element's chunk is named after it (store-finder-[hash].js), so a page's downloads read clearly.
      chunkFileNames: (chunk) => {
        const define = [chunk.facadeModuleId ?? '', ...chunk.moduleIds].find((id) => /elements\/(?!internal\/)[^/]+\/define\.ts$/.test(id));
        const element = define ? /elements\/([^/]+)\/define\.ts$/.exec(define)?.[1] : undefined;
        // The contract's schemas with zod, which the lazy parts share: named for what it is, not after whichever schema module rollup picks.
        const contract = !element && chunk.moduleIds.some((id) => /contract[\\/]schemas[\\/]/.test(id)) && !chunk.facadeModuleId;
        return `${element ?? (contract ? 'contract' : '[name]')}-[hash].js`;
      },
      sourcemap: true,
    },
  },

  // (b) the SDK's npm build
  {
    input: sdkEntries,
    external: (id) => !id.endsWith('.css') && declared(sdkPkg)(id),
    onwarn,
    plugins: [nodeResolve({ ...resolveOptions, browser: true }), cssText(), typescript()],
    output: {
      dir: 'packages/citylab-sdk/dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src/sdk',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },

  // (c) the endpoint: `npx citylab-server` and `import { startServer } from 'citylab-server'`
  {
    input: { cli: 'src/server/cli.ts', index: 'src/server/index.ts' },
    external: (id) => isNodeBuiltin(id) || declared(serverPkg)(id),
    onwarn,
    plugins: [
      nodeResolve({ ...resolveOptions, exportConditions: ['node'], preferBuiltins: true }),
      // `.json` lets the server import package.json (its version) without another plugin.
      typescript({ platform: 'node', loaders: { '.json': 'json' } }),
    ],
    output: nodeOutput('packages/citylab-server/dist'),
  },

  // (e) the shop's dashboard, served by the endpoint at /dashboard/ (src/server/dashboard/page.ts):
  //     a Lit app in the server package's dist; the QR decoder and the insights' chart library are lazy chunks.
  {
    input: { dashboard: 'src/dashboard/main.ts' },
    preserveEntrySignatures: false,
    onwarn,
    plugins: [
      nodeResolve({ ...resolveOptions, browser: true, exportConditions: ['production'] }),
      commonjs({ include: /node_modules\/jsqr\// }),
      // uPlot's stylesheet as text, adopted into the insights screen's shadow root.
      cssText(),
      typescript(),
      minifyLiterals({ include: ['src/dashboard/**/*.ts'], failOnError: true }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
    output: { dir: 'packages/citylab-server/dist/dashboard', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: false },
  },

  // (d) the model pipeline: `npx citylab-models` (glTF-Transform, the Khronos validator,
  //     meshoptimizer, Draco and puppeteer-core stay installed packages)
  {
    input: { cli: 'src/models/cli.ts', index: 'src/models/index.ts' },
    external: (id) => isNodeBuiltin(id) || declared(modelsPkg)(id),
    onwarn,
    plugins: [nodeResolve({ ...resolveOptions, exportConditions: ['node'], preferBuiltins: true }), typescript({ platform: 'node' })],
    output: nodeOutput('packages/citylab-models/dist'),
  },
];
