/**
 * The run-time decoders a compressed model needs in the browser, as citylab-sdk
 * ships them (`citylab-sdk/decoders/*`, built from three.js and meshoptimizer):
 * the poster renderer serves them to its headless page the way the endpoint
 * serves them to shoppers, so the poster is drawn by the same decoders.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

export interface DecoderFile {
  name: string;
  path: string;
  type: string;
}

/** Every decoder file of the installed citylab-sdk; throws with what to do when it has not been built. */
export function sdkDecoders(): DecoderFile[] {
  const sdk = dirname(createRequire(import.meta.url).resolve('citylab-sdk/package.json'));
  const dir = join(sdk, 'dist', 'decoders');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new Error(`citylab-sdk has no decoders at ${dir}: build it first (npm run build)`);
  }
  return names.filter((n) => TYPES[extname(n)]).map((name) => ({ name, path: join(dir, name), type: TYPES[extname(name)]! }));
}

/** model-viewer's dist file, from the model-viewer citylab-sdk depends on. */
export function modelViewerScript(): string {
  const sdkRequire = createRequire(createRequire(import.meta.url).resolve('citylab-sdk/package.json'));
  return sdkRequire.resolve('@google/model-viewer/dist/model-viewer.min.js');
}
