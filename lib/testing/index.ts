export * from '../client/fake-client.js';
export * from '../contract/prism/index.js';
