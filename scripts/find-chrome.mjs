#!/usr/bin/env node
/**
 * Finds a Chrome or Chromium for the browser tests.
 *
 * Order: $CHROME_PATH, then the usual names on PATH, then (only with
 * `install: true`, as root, on Debian/Ubuntu) `apt-get install chromium`.
 * Otherwise prints one line saying what to install and exits with 1.
 *
 * Run directly to print the path: `node scripts/find-chrome.mjs [--install]`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const APT_CHROMIUM = '/usr/bin/chromium';

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const onPath = (name) => {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
};

const fail = () => {
  console.error(
    'citylab: no Chrome or Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.',
  );
  process.exit(1);
};

const apt = (args) =>
  spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

/**
 * @param {{ install?: boolean }} [options]
 * @returns {Promise<string>} path of an executable Chrome or Chromium
 */
export async function findChrome({ install = false } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;

  for (const name of NAMES) {
    const file = onPath(name);
    if (file) return file;
  }

  const canInstall =
    install && typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/etc/debian_version');
  if (canInstall) {
    console.log('citylab: no Chrome or Chromium found; installing Debian chromium with apt-get');
    if (apt(['update']) && apt(['install', '-y', 'chromium']) && isExecutable(APT_CHROMIUM)) {
      return APT_CHROMIUM;
    }
  }
  return fail();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(await findChrome({ install: process.argv.includes('--install') }));
}
