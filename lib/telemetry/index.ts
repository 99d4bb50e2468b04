// `switchboard/telemetry`: starts the OpenTelemetry SDK for a service. The rest of the toolkit records through
// `@opentelemetry/api` only; this entry point alone imports the SDK packages, optional peer dependencies that
// `switchboard init` adds to a project.
export { type ServiceTelemetry, startTelemetry, withTelemetry } from './sdk.js';
