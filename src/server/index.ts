/**
 * `citylab-server` as a library: start the endpoint from code (the demo town
 * does), or mount its Hono app in a server of your own. The CLI
 * (`citylab-server serve`) is `configFromEnv` + `openStorage` + `startServer`.
 */
export { configFromEnv, ConfigError, type ServerConfig, type StorageConfig } from './config.js';
export { openStorage, startServer, type RunningServer, type StartOptions } from './start.js';
export { createApp, type AppOptions } from './app.js';
export { createLogger, type Logger, type LogLevel } from './log.js';
export { hashKey, newStoreKey } from './keys.js';
export { SERVER_VERSION, SDK_VERSION } from './package-files.js';
export type { Storage } from './storage/types.js';
export type { CountRow, FootfallRow, InsightStore } from './storage/insights.js';
export { applyInventory, type ApplyInventoryInput } from './inventory/apply.js';
