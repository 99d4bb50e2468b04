export {
  createFake,
  type Fake,
  type FakeCalls,
  type FakeExample,
  httpError,
  ok,
  transportError,
} from '../client/fake-client.js';
export * from '../contract/prism/index.js';
