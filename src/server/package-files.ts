/**
 * Where the endpoint finds what it serves besides its API, whether it runs from
 * src/ (tsx, inside the repository) or from the installed citylab-server:
 * its own version, and the built citylab-sdk (citylab.js, its chunks and the
 * 3D decoders) from the installed citylab-sdk package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const packageJson = (name: string): { path: string; version: string } => {
  const path = require.resolve(`${name}/package.json`);
  return { path, version: (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version };
};

export const SERVER_VERSION: string = packageJson('citylab-server').version;

/** The citylab-sdk package's build: `citylab.js`, its chunks, `decoders/`. */
export const SDK_DIR = join(dirname(packageJson('citylab-sdk').path), 'dist');
export const SDK_VERSION: string = packageJson('citylab-sdk').version;

/** The citylab-sdk package's custom-elements manifest (the agencies' docs are made from it). */
export const SDK_MANIFEST = join(dirname(packageJson('citylab-sdk').path), 'custom-elements.json');

/** True once `npm run build` (or the package) has put the script-tag bundle in place. */
export const sdkBuilt = (): boolean => existsSync(join(SDK_DIR, 'citylab.js'));
