import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from '../schema-ajv.js';
import { toJsonSchema } from './json-schema.js';
import { fromPointer, toPointer } from './spec-error.js';

type Json = Record<string, unknown>;
type Compiled = ValidateFunction | undefined;

/** How a value is checked: as a body (`strict`), or as a path, query or header value (`coercing`). */
export type ValueKind = 'strict' | 'coercing';

/** Compiles a schema of the document; undefined when Ajv cannot compile it. Cached per schema object. */
export type DocumentValidator = (schema: unknown, kind: ValueKind) => Compiled;

const DOCUMENT_ID = 'switchboard:document';
const COMPONENT = '#/components/schemas/';

/**
 * Validators for schemas of one bundled document, with Ajv set up as a Switchboard server validates
 * (createAjv). Each component schema is converted once (OpenAPI 3.0 forms to JSON Schema, refs kept) and
 * registered under its own id, so Ajv compiles it once for the whole document instead of once per place
 * that inlines it (seconds on a large spec), and a recursive schema compiles too.
 */
export function documentValidator(doc: Json): DocumentValidator {
  const components = (doc.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Json;
  // By index: a component name may hold characters an id (a URI) cannot.
  const ids = new Map(Object.keys(schemas).map((name, i) => [name, `switchboard:schema/${i}`]));
  // Registering the whole document costs Ajv a walk over all of it per instance: done only once a converted
  // schema refers to it (a ref outside the component schemas, or to one that does not exist).
  let needsDocument = false;
  const inDocument = (ref: string): string => {
    needsDocument = true;
    return `${DOCUMENT_ID}${ref}`;
  };
  const retarget = (ref: string): string => {
    if (!ref.startsWith(COMPONENT)) return ref.startsWith('#') ? inDocument(ref) : ref;
    const [name = '', ...rest] = fromPointer(`#/${ref.slice(COMPONENT.length)}`);
    const id = ids.get(name);
    if (id === undefined) return inDocument(ref);
    return rest.length === 0 ? id : `${id}#${toPointer(rest)}`;
  };
  const convert = (schema: unknown) => withRefs(toJsonSchema(schema, doc, [], 'keep'), retarget);
  const registered = [...ids].map(([name, id]) => ({ id, schema: convert(schemas[name]) as object }));
  const instances = new Map<ValueKind, Ajv2020>();
  const withDocument = new Set<Ajv2020>();
  const ajvFor = (kind: ValueKind): Ajv2020 => {
    const ajv = ajvWithComponents(kind);
    if (needsDocument && !withDocument.has(ajv)) {
      ajv.addSchema({ ...doc, $id: DOCUMENT_ID });
      withDocument.add(ajv);
    }
    return ajv;
  };
  const ajvWithComponents = (kind: ValueKind): Ajv2020 => {
    let ajv = instances.get(kind);
    if (ajv === undefined) {
      // Not inlining refs is what lets compiled components be shared; a schema Ajv refuses fails on use.
      // Formats are not checked, as `switchboard lint` does not check them in examples: real specs are full
      // of `2008-01-02` under date-time and relative URIs under uri, which no consumer could misread.
      ajv = createAjv(kind === 'coercing' ? 'array' : false, {
        logger: false,
        inlineRefs: false,
        validateSchema: false,
        validateFormats: false,
        // Each validator runs a few times at most: optimising its code costs more than it saves (half the time).
        code: { optimize: false },
      });
      for (const { id, schema } of registered) ajv.addSchema(schema, id);
      instances.set(kind, ajv);
    }
    return ajv;
  };
  const byObject = { strict: new Map<unknown, Compiled>(), coercing: new Map<unknown, Compiled>() };
  // Bundling inlines a shared file at every place that refers to it, as a separate copy: DigitalOcean's
  // 32k example sites hold 1.5k different schemas. Equal text converts and compiles to the same validator.
  const byText = { strict: new Map<string, Compiled>(), coercing: new Map<string, Compiled>() };
  // Schemas that differ only in what conversion drops (descriptions, examples) compile alike: GitHub's 2k
  // example sites hold 0.9k different converted schemas, half of the rest `{"type":"string"}`.
  const byConverted = { strict: new Map<string, Compiled>(), coercing: new Map<string, Compiled>() };
  const compile = (schema: unknown, kind: ValueKind): Compiled => {
    let converted: object;
    try {
      converted = convert(schema) as object;
    } catch {
      return undefined;
    }
    const text = JSON.stringify(converted) ?? '';
    if (byConverted[kind].has(text)) return byConverted[kind].get(text);
    let validate: Compiled;
    try {
      validate = ajvFor(kind).compile(converted);
    } catch {
      validate = undefined; // a schema Ajv refuses (a pattern JavaScript cannot parse) validates nothing
    }
    byConverted[kind].set(text, validate);
    return validate;
  };
  return (schema, kind) => {
    if (byObject[kind].has(schema)) return byObject[kind].get(schema);
    const text = JSON.stringify(schema) ?? '';
    let validate: Compiled;
    if (byText[kind].has(text)) validate = byText[kind].get(text);
    else {
      validate = compile(schema, kind);
      byText[kind].set(text, validate);
    }
    byObject[kind].set(schema, validate);
    return validate;
  };
}

/** A copy of `node` with every string `$ref` passed through `retarget`. */
function withRefs(node: unknown, retarget: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((v) => withRefs(v, retarget));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? retarget(v) : withRefs(v, retarget),
    ]),
  );
}
