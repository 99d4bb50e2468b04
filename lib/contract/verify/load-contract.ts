import { resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { SecuritySchemeSpec } from '../../client/service-spec.js';
import { bundleSpec } from '../../codegen/bundle.js';
import type { MultipartFiles } from '../../codegen/multipart-fields.js';
import { type BodyKind, type HttpMethod, readOperations } from '../../codegen/operation-model.js';
import type { ResponseStatus } from '../../codegen/response-status.js';
import { readSchemes } from '../../codegen/service-model.js';
import { SpecError, SpecErrors } from '../../codegen/spec-error.js';
import { SpecLoader } from '../../codegen/spec-loader.js';
import { validateOpenApi } from '../../codegen/validate-openapi.js';
import { contractSchemas } from './contract-schemas.js';
import { readRequestExamples } from './request-examples.js';
import { type ParamValues, paramValidator, type SchemaValidators } from './schema-validators.js';
import { VerifyInputError } from './verify-input-error.js';

type Json = Record<string, unknown>;

/** One parameter, its JSON Schema and the spec's example values for it. */
export interface ParamContract {
  /** As the server sees it (header names lower-cased). */
  name: string;
  /** As the spec spells it (the header name to send). */
  specName: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: unknown;
  examples: unknown[];
}

/** The request body of an operation. */
export interface BodyContract {
  required: boolean;
  kind: BodyKind;
  contentType: string;
  schema: unknown;
  validate: ValidateFunction;
  examples: { name: string; value: unknown }[];
  /** For multipart: the fields sent as files. */
  files?: MultipartFiles;
}

/** One documented response status (a range such as `4XX`, or `default`) with the validator of its body. */
export interface ResponseContract {
  status: ResponseStatus;
  kind: BodyKind;
  validate: ValidateFunction | undefined;
}

/** Everything verification needs to know about one operation. */
export interface OperationContract {
  id: string;
  method: HttpMethod;
  path: string;
  /** Alternatives (OR) of scheme names that must all pass (AND); empty means open. */
  security: string[][];
  params: ParamContract[];
  body: BodyContract | undefined;
  /** The other request media types the operation accepts (each gets valid cases of its own); usually none. */
  alternatives: BodyContract[];
  responses: ResponseContract[];
  /** Whether path, query and header values (strings, as sent) are valid, coerced as the server does. */
  validParams(values: ParamValues): boolean;
}

/** A provider's contract: its spec, security schemes and operations. */
export interface ProviderContract {
  specPath: string;
  title: string;
  schemes: Record<string, SecuritySchemeSpec>;
  operations: OperationContract[];
  /**
   * Operations that cannot be verified, with why (a schema no validator compiles, such as a pattern no
   * JavaScript engine reads): `METHOD /path (operationId): reason`, keyed by operationId.
   */
  refused: Map<string, string>;
}

/**
 * Reads the spec at `specPath` (bundled, checked against the OpenAPI schema, operations extracted as
 * the generator does) into a ProviderContract with compiled Ajv 2020 validators. Throws VerifyInputError
 * listing every problem when the spec cannot be used; an operation that cannot be verified is left out and
 * listed in `refused`.
 */
export function loadContract(specPath: string, validators: SchemaValidators): ProviderContract {
  const path = resolve(specPath);
  const loader = new SpecLoader();
  let operations: ReturnType<typeof readOperations>['operations'];
  let doc: Json;
  let schemes: Record<string, SecuritySchemeSpec>;
  try {
    const bundle = bundleSpec(loader.load(path), loader);
    const problems = validateOpenApi(bundle);
    const read = readOperations(bundle);
    problems.push(...read.errors);
    if (problems.length > 0) throw problems;
    ({ operations } = read);
    doc = bundle.doc;
    schemes = readSchemes(bundle);
  } catch (error) {
    const list = error instanceof SpecErrors ? error.errors : Array.isArray(error) ? error : [error];
    if (!list.every((e) => e instanceof SpecError)) throw error;
    throw new VerifyInputError(
      `cannot verify against ${specPath}: ${list.length} problem(s) in the spec`,
      list.map((e: SpecError) => e.format()),
    );
  }
  const title = String((doc.info as Json | undefined)?.title ?? specPath);
  const schemas = contractSchemas(specPath, doc, validators);
  const refused = new Map<string, string>();
  const contracts = operations.flatMap((op) => {
    try {
      return [operationContract(op)];
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      refused.set(op.id, `${op.method.toUpperCase()} ${op.path} (${op.id}): ${reason}`);
      return [];
    }
  });
  return { specPath, title, schemes, operations: contracts, refused };

  function operationContract(op: (typeof operations)[number]): OperationContract {
    const examples = readRequestExamples(doc, op.path, op.method);
    const params: ParamContract[] = op.params.map((p) => ({
      name: p.name,
      specName: p.specName,
      in: p.in,
      required: p.required,
      schema: schemas.finite(p.schema),
      examples: examples.params.get(`${p.in}:${p.name}`) ?? [],
    }));
    const bodyContract = (model: NonNullable<typeof op.body>, bodyExamples: BodyContract['examples']) => ({
      required: model.required,
      kind: model.kind,
      contentType: model.contentType,
      schema: schemas.finite(model.schema),
      validate: validators.strict(schemas.exact(model.schema)),
      examples: bodyExamples,
      ...(model.files === undefined ? {} : { files: model.files }),
    });
    const body: BodyContract | undefined =
      op.body === undefined ? undefined : bodyContract(op.body, examples.bodies);
    const alternatives = (op.body?.alternatives ?? []).map((alt) => bodyContract(alt, []));
    return {
      id: op.id,
      method: op.method,
      path: op.path,
      security: op.security,
      params,
      body,
      alternatives,
      responses: op.responses.map((r) => ({
        status: r.status,
        kind: r.kind,
        validate:
          r.kind === 'none' || r.kind === 'binary' || r.schema === undefined
            ? undefined
            : validators.strict(schemas.exact(r.schema)),
      })),
      validParams: paramValidator(
        op.params.map((p) => ({ ...p, schema: schemas.exact(p.schema) })),
        validators,
      ),
    };
  }
}
