// The package root: the client runtime (Result helpers, error codes, policies). Servers import
// `switchboard/server`, tests `switchboard/testing`.
export * from './client/index.js';
