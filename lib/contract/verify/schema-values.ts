import type { SeededRandom } from './seeded-random.js';
import { generateString, type StringTarget } from './string-values.js';

type Json = Record<string, unknown>;

/** A generated value; a wrapper so that `null` and `false` are values and `undefined` means "cannot". */
export interface Generated {
  value: unknown;
}

const MAX_DEPTH = 8;
/** Arrays and maps without an upper bound get at most this many more entries than their minimum. */
const EXTRA_ITEMS = 5;

/**
 * A value meant to be valid for the self-contained JSON Schema `schema` (refs already inlined, as
 * `toJsonSchema` gives): `const`/`enum` picks, `oneOf`/`anyOf` branch picks, `allOf` merged, strings through
 * `generateString`, numbers within bounds (often at them), arrays within `minItems`..`maxItems` (unique
 * when asked), objects with every required and about half the optional properties. Undefined when some
 * part cannot be generated. Callers check the result with Ajv: the generator aims, the validator decides.
 */
export function generateValue(
  schema: unknown,
  rng: SeededRandom,
  target: StringTarget = 'body',
  depth = 0,
): Generated | undefined {
  if (schema === true || schema === undefined) return { value: rng.pick(['x', 1, true, null]) };
  if (typeof schema !== 'object' || schema === null || depth > MAX_DEPTH) return undefined;
  const s = schema as Json;
  if ('const' in s) return { value: structuredClone(s.const) };
  if (Array.isArray(s.enum))
    return s.enum.length === 0 ? undefined : { value: structuredClone(rng.pick(s.enum)) };
  const branches = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const { oneOf: _o, anyOf: _a, ...rest } = s;
    return generateValue(mergeSchemas([rest, rng.pick(branches)]), rng, target, depth + 1);
  }
  if (Array.isArray(s.allOf)) {
    const { allOf, ...rest } = s;
    return generateValue(mergeSchemas([rest, ...allOf]), rng, target, depth + 1);
  }
  switch (pickType(s, rng)) {
    case 'null':
      return { value: null };
    case 'boolean':
      return { value: rng.chance(0.5) };
    case 'integer':
      return numberIn(s, rng, true);
    case 'number':
      return numberIn(s, rng, false);
    case 'string': {
      const value = generateString(s, rng, target);
      return value === undefined ? undefined : { value };
    }
    case 'array':
      return arrayOf(s, rng, target, depth);
    default:
      return objectOf(s, rng, target, depth);
  }
}

/** The JSON type to generate: one of `type` (null less often), else what the keywords suggest. */
function pickType(s: Json, rng: SeededRandom): string {
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type) && s.type.length > 0) {
    const nonNull = s.type.filter((t) => t !== 'null') as string[];
    if (nonNull.length === 0 || (nonNull.length < s.type.length && rng.chance(0.25))) return 'null';
    return rng.pick(nonNull);
  }
  if ('properties' in s || 'required' in s || 'additionalProperties' in s) return 'object';
  if ('items' in s || 'maxItems' in s) return 'array';
  if ('minimum' in s || 'maximum' in s) return 'number';
  return 'string';
}

function numberIn(s: Json, rng: SeededRandom, integer: boolean): Generated | undefined {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const step = integer ? 1 : 0.001;
  let lo = num('minimum') ?? -1_000_000;
  let hi = num('maximum') ?? 1_000_000;
  const exLo = num('exclusiveMinimum');
  const exHi = num('exclusiveMaximum');
  if (exLo !== undefined) lo = Math.max(lo, exLo + step);
  if (exHi !== undefined) hi = Math.min(hi, exHi - step);
  if (integer) [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
  if (lo > hi) return undefined;
  const multipleOf = num('multipleOf');
  const roll = rng.next();
  let value = roll < 0.15 ? lo : roll < 0.3 ? hi : lo + rng.next() * (hi - lo);
  if (integer) value = Math.round(value);
  if (multipleOf !== undefined && multipleOf > 0) {
    value = Math.ceil(lo / multipleOf) * multipleOf;
    if (value > hi) return undefined;
  }
  return { value: integer ? Math.min(hi, Math.max(lo, value)) : Number(value.toFixed(3)) };
}

function arrayOf(s: Json, rng: SeededRandom, target: StringTarget, depth: number): Generated | undefined {
  const min = typeof s.minItems === 'number' ? s.minItems : 0;
  const max = typeof s.maxItems === 'number' ? s.maxItems : min + EXTRA_ITEMS;
  const length = rng.chance(0.2) ? max : rng.int(min, Math.min(max, min + EXTRA_ITEMS));
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; out.length < length && attempt < length * 4 + 4; attempt++) {
    const item = generateValue(s.items, rng, target, depth + 1);
    if (item === undefined) return undefined;
    const key = JSON.stringify(item.value);
    if (s.uniqueItems === true && seen.has(key)) continue;
    seen.add(key);
    out.push(item.value);
  }
  return out.length >= min ? { value: out } : undefined;
}

function objectOf(s: Json, rng: SeededRandom, target: StringTarget, depth: number): Generated | undefined {
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const out: Json = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (!required.has(name) && !rng.chance(0.5)) continue;
    const v = generateValue(sub, rng, target, depth + 1);
    if (v === undefined) {
      if (required.has(name)) return undefined;
      continue;
    }
    out[name] = v.value;
  }
  for (const name of required) {
    if (name in out) continue;
    const v = generateValue(undefined, rng, target, depth + 1);
    if (v !== undefined) out[name] = v.value;
  }
  const extra = s.additionalProperties;
  const maxProps = typeof s.maxProperties === 'number' ? s.maxProperties : Number.POSITIVE_INFINITY;
  if (typeof extra === 'object' && extra !== null && Object.keys(properties).length === 0) {
    const count = rng.int(0, Math.min(EXTRA_ITEMS, maxProps - Object.keys(out).length));
    for (let i = 0; i < count; i++) {
      const v = generateValue(extra, rng, target, depth + 1);
      if (v !== undefined) out[`key${rng.int(0, 9999)}`] = v.value;
    }
  }
  return { value: out };
}

/**
 * Merges `allOf`-style schemas into one, enough for generation: properties merged (later win), `required`
 * united, other keywords taken from the last schema that has them.
 */
export function mergeSchemas(schemas: readonly unknown[]): Json {
  const out: Json = {};
  for (const schema of schemas) {
    if (typeof schema !== 'object' || schema === null) continue;
    const s = schema as Json;
    for (const [k, v] of Object.entries(s)) {
      if (k === 'properties') out.properties = { ...(out.properties as Json), ...(v as Json) };
      else if (k === 'required')
        out.required = [...new Set([...((out.required as string[]) ?? []), ...(v as string[])])];
      else out[k] = v;
    }
  }
  return out;
}
