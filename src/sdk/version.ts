/**
 * The SDK's version as package.json says it: the script-tag build replaces
 * `__CITYLAB_VERSION__` (rollup.config.mjs); sources run unbuilt (the browser
 * tests) say `dev`.
 */
declare const __CITYLAB_VERSION__: string | undefined;

export const SDK_VERSION: string = typeof __CITYLAB_VERSION__ === 'string' ? __CITYLAB_VERSION__ : 'dev';
