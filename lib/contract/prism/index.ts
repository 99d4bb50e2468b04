export { freePort } from './free-port.js';
export { mockableServices } from './mockable-services.js';
export { type PrismScenario, prefer, preferCode, preferDynamic, preferExample } from './prefer.js';
export {
  fakerPreload,
  PRISM_PACKAGE,
  type PrismCommandOptions,
  type PrismLogLevel,
  PrismMissingError,
  prismArgs,
  prismEntry,
} from './prism-command.js';
export { type PrismMock, type StartPrismOptions, startPrism } from './start-prism.js';
export { type PrismFleet, type StartPrismsOptions, startPrisms } from './start-prisms.js';
export { type PrismViolation, prismViolations } from './violations.js';
export { PROBE_PATH, prismAnswers, waitForPrism } from './wait-for-prism.js';
