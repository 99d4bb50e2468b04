import type { Plugin } from '@redocly/openapi-core/lib/config/types.js';
import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import { ArrayMaxItems } from './rules/array-max-items.js';
import { ClosedObjects } from './rules/closed-objects.js';
import { InternalAuthScheme } from './rules/internal-auth-scheme.js';
import { InternalPathPrefix } from './rules/internal-path-prefix.js';
import { OperationId } from './rules/operation-id.js';
import { OperationSummaryTags } from './rules/operation-summary-tags.js';
import { RateLimit } from './rules/rate-limit.js';
import { ResponseExample } from './rules/response-example.js';
import { SecuredDocuments401 } from './rules/secured-documents-401.js';
import { StringMaxLength } from './rules/string-max-length.js';
import { ValidatedInputDocuments400 } from './rules/validated-input-documents-400.js';
import { VendorExtensions } from './rules/vendor-extensions.js';

/** Plugin id: house rules are reported as `switchboard/<rule>`. */
export const PLUGIN_ID = 'switchboard';

/** The house rules by name (without the `switchboard/` prefix). */
export const HOUSE_RULES: Record<string, Oas3Rule> = {
  'internal-path-prefix': InternalPathPrefix,
  'internal-auth-scheme': InternalAuthScheme,
  'operation-id': OperationId,
  'operation-summary-tags': OperationSummaryTags,
  'secured-documents-401': SecuredDocuments401,
  'validated-input-documents-400': ValidatedInputDocuments400,
  'response-example': ResponseExample,
  'closed-objects': ClosedObjects,
  'string-max-length': StringMaxLength,
  'array-max-items': ArrayMaxItems,
  'vendor-extensions': VendorExtensions,
  'rate-limit': RateLimit,
};

/** The Redocly plugin that carries the house rules for OpenAPI 3.x documents. */
export const switchboardPlugin: Plugin = { id: PLUGIN_ID, rules: { oas3: HOUSE_RULES } };
