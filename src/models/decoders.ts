/**
 * The run-time decoders a compressed model may need in the browser, served by
 * the endpoint under `/sdk/decoders/` (and by the poster renderer), never from
 * a third-party CDN. model-viewer's defaults point at Google's CDN, so the viewer
 * sets its `dracoDecoderLocation` / `ktx2TranscoderLocation` /
 * `meshoptDecoderLocation` to these files.
 *
 * Every file comes from an installed package (three.js ships the Draco and Basis
 * decoders next to the loaders model-viewer uses; meshoptimizer ships its decoder),
 * so the versions match what the packages were built against.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface DecoderFile {
  /** The package that ships it. */
  pkg: 'three' | 'meshoptimizer';
  /** Path inside the package. */
  path: string;
  type: string;
}

/** File name under `/sdk/decoders/` → where it comes from. */
export const DECODER_FILES: Readonly<Record<string, DecoderFile>> = {
  // DRACOLoader.setDecoderPath(dir) loads these two (WebAssembly build) …
  'draco_wasm_wrapper.js': { pkg: 'three', path: 'examples/jsm/libs/draco/gltf/draco_wasm_wrapper.js', type: 'text/javascript; charset=utf-8' },
  'draco_decoder.wasm': { pkg: 'three', path: 'examples/jsm/libs/draco/gltf/draco_decoder.wasm', type: 'application/wasm' },
  // … or this one where WebAssembly is missing.
  'draco_decoder.js': { pkg: 'three', path: 'examples/jsm/libs/draco/gltf/draco_decoder.js', type: 'text/javascript; charset=utf-8' },
  // KTX2Loader.setTranscoderPath(dir).
  'basis_transcoder.js': { pkg: 'three', path: 'examples/jsm/libs/basis/basis_transcoder.js', type: 'text/javascript; charset=utf-8' },
  'basis_transcoder.wasm': { pkg: 'three', path: 'examples/jsm/libs/basis/basis_transcoder.wasm', type: 'application/wasm' },
  // model-viewer loads meshoptDecoderLocation as a classic script before it decodes EXT_meshopt_compression.
  'meshopt_decoder.js': { pkg: 'meshoptimizer', path: 'meshopt_decoder.cjs', type: 'text/javascript; charset=utf-8' },
};

const require = createRequire(import.meta.url);
const roots = new Map<string, string>();

/** Folder of an installed package (their `exports` hide package.json, so go via the main file). */
function packageRoot(pkg: DecoderFile['pkg']): string {
  let root = roots.get(pkg);
  if (!root) {
    // three's main file is build/three.cjs; meshoptimizer's is index.js at its root.
    root = pkg === 'three' ? join(dirname(require.resolve('three')), '..') : dirname(require.resolve('meshoptimizer'));
    roots.set(pkg, root);
  }
  return root;
}

/** Absolute path of a decoder file, or undefined for a name that is not one. */
export function decoderPath(name: string): string | undefined {
  const file = Object.hasOwn(DECODER_FILES, name) ? DECODER_FILES[name] : undefined;
  return file && join(packageRoot(file.pkg), file.path);
}
