export { newCorrelationId } from './correlation-id.js';
export { currentContext, enterContext, type RequestContext, runWithContext } from './request-context.js';
