export type { AuthDecision, Authenticator, HandlerReply, HandlerRequest, RouteDefinition, RouteTable } from './route-table.js';
export { registerRoutes, type RoutesPluginOptions } from './routes-plugin.js';
export { createValidatorCompiler } from './validator-compiler.js';
