// The browser tests run in web-test-runner's Mocha, which provides describe/it/
// before/after as globals. tsconfig.json limits automatic types to "node", so
// name Mocha's here.
/// <reference types="mocha" />
