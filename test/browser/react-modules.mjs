/**
 * React for the browser tests (test/browser/react.test.tsx). React ships CommonJS only,
 * which the dev server cannot hand to the browser as ES modules with named exports
 * (a CommonJS file that re-exports another one has no exports a per-file transform can
 * see). So esbuild bundles it once per run, as an agency's bundler would: one ES module
 * per entry the tests import, all sharing one copy of React (two copies break hooks),
 * with React's development build.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ENTRIES = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client'];
const PREFIX = '/__react__/';
const fileOf = (specifier) => specifier.replace(/\//g, '__');

/**
 * Each entry's exports, read from React itself in a process of its own (React's development
 * build talks to `console` as it loads, which the test runner has taken over in this one).
 */
function exportNames() {
  const script = `const specs = ${JSON.stringify(ENTRIES)}; process.stdout.write(JSON.stringify(Object.fromEntries(specs.map((s) => [s, Object.keys(require(s))]))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** An entry's module: its CommonJS exports, each under its own name. */
function facade(specifier, names) {
  const named = names.filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
  return `import m from ${JSON.stringify(specifier)};\nexport const { ${named.join(', ')} } = m;\nexport default m;\n`;
}

async function bundle() {
  const exports = exportNames();
  const result = await build({
    entryPoints: ENTRIES.map((specifier) => ({ in: `facade:${specifier}`, out: fileOf(specifier) })),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
    plugins: [
      {
        name: 'facades',
        setup(b) {
          b.onResolve({ filter: /^facade:/ }, (args) => ({ path: args.path.slice('facade:'.length), namespace: 'facade' }));
          b.onLoad({ filter: /.*/, namespace: 'facade' }, (args) => ({ contents: facade(args.path, exports[args.path]), resolveDir: process.cwd(), loader: 'js' }));
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((file) => [PREFIX + path.basename(file.path), file.text]));
}

export function citylabReactPlugin() {
  let files;
  return {
    name: 'citylab-react-modules',
    resolveImport({ source }) {
      if (ENTRIES.includes(source)) return `${PREFIX}${fileOf(source)}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      files ??= bundle();
      const body = (await files).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
