export type {
  AuthDecision,
  Authenticator,
  HandlerReply,
  HandlerRequest,
  RouteDefinition,
  RouteTable,
} from './route-table.js';
export { type RoutesPluginOptions, registerRoutes } from './routes-plugin.js';
export { createValidatorCompiler } from './validator-compiler.js';
