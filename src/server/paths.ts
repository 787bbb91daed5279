/** Where the package's own files are, whether running from src/ (tsx) or dist/server/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('citylab: cannot find the package root');
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot();
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const SDK_DIR = join(PACKAGE_ROOT, 'dist');
export const DEMO_DIR = join(PACKAGE_ROOT, 'demo', 'dist');
