import type { SecuritySchemeSpec } from '../client/service-spec.js';
import type { Bundle } from './bundle.js';
import { toCamel, toPascal } from './naming.js';
import type { OperationModel } from './operation-model.js';
import { fromPointer } from './spec-error.js';
import { getAt } from './spec-loader.js';

/** One service as the emitters see it. */
export interface ServiceModel {
  /** The spec file's base name, e.g. `user-service`. */
  name: string;
  /** `UserService`, for type names. */
  pascal: string;
  /** `userService`, for value names. */
  camel: string;
  /** The spec path as written into headers, relative to the project root (`specs/user-service.yaml`). */
  specPath: string;
  /** The toolkit's package name; generated files import `<runtime>/client` and `<runtime>/server`. */
  runtime: string;
  operations: OperationModel[];
  schemes: Record<string, SecuritySchemeSpec>;
  bundle: Bundle;
}

/** Reduces the spec's security schemes to what a client sends. */
export function readSchemes(bundle: Bundle): Record<string, SecuritySchemeSpec> {
  const raw = (getAt(bundle.doc, ['components', 'securitySchemes']) ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const out: Record<string, SecuritySchemeSpec> = {};
  for (const [name, value] of Object.entries(raw)) {
    let scheme = value;
    if (typeof scheme.$ref === 'string')
      scheme = getAt(bundle.doc, fromPointer(scheme.$ref)) as Record<string, unknown>;
    if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')) {
      out[name] = { type: 'apiKey', in: scheme.in, name: String(scheme.name) };
    } else if (scheme.type === 'http') {
      out[name] = { type: 'http', scheme: String(scheme.scheme) };
    }
  }
  return out;
}

/** Names for a service file. */
export function serviceNames(name: string): { pascal: string; camel: string } {
  return { pascal: toPascal(name), camel: toCamel(name) };
}
