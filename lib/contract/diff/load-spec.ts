import { type Bundle, bundleSpec } from '../../codegen/bundle.js';
import { SpecError } from '../../codegen/spec-error.js';
import type { SpecLoader } from '../../codegen/spec-loader.js';
import { isJson } from './schema-context.js';

/** One version of a spec, bundled so every `$ref` points inside it, plus what the diff needs to know. */
export interface LoadedSpec {
  /** The service name: the file name without its extension. */
  service: string;
  bundle: Bundle;
  /** `info.version`, when it is a string. */
  version: string | undefined;
  /** Whether it declares operations; a file without (like `common.yaml`) holds shared components only. */
  isService: boolean;
}

/**
 * Reads and bundles the spec at `path` (absolute). Throws a SpecError (with file and line) when the file
 * cannot be read, is not valid YAML or is not an OpenAPI 3.x document, and SpecErrors naming every `$ref`
 * that resolves nowhere.
 */
export function loadSpec(loader: SpecLoader, path: string, service: string): LoadedSpec {
  const file = loader.load(path);
  const value = file.value as Record<string, unknown>;
  if (typeof value.openapi !== 'string' || !value.openapi.startsWith('3.')) {
    throw new SpecError(
      'openapi-document',
      "not an OpenAPI 3.x document (no 'openapi: 3.x' field)",
      { file: path, line: 1 },
      'diff compares OpenAPI 3.0 and 3.1 specs',
    );
  }
  const bundle = bundleSpec(file, loader);
  const info = isJson(bundle.doc.info) ? bundle.doc.info : {};
  return {
    service,
    bundle,
    version: typeof info.version === 'string' ? info.version : undefined,
    isService: isJson(bundle.doc.paths) && Object.keys(bundle.doc.paths).length > 0,
  };
}

/** The major number of a version string (`v2.1.0` → 2), or undefined when it does not start with one. */
export function majorOf(version: string | undefined): number | undefined {
  const match = /^v?(\d+)/.exec(version ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
