import { mergeSchemas } from './schema-values.js';
import type { SeededRandom } from './seeded-random.js';
import type { StringTarget } from './string-values.js';

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];

/** What a mutation did to a valid value to make it (most likely) invalid. */
export type MutationKind =
  | 'drop-required'
  | 'wrong-type'
  | 'too-long'
  | 'too-short'
  | 'pattern'
  | 'bad-format'
  | 'bad-enum'
  | 'out-of-range'
  | 'too-many-items'
  | 'duplicate-items'
  | 'extra-property';

/** One mutated copy of a value. */
export interface Mutation {
  kind: MutationKind;
  /** Where in the value, as a JSON pointer ('' for the value itself). */
  at: string;
  value: unknown;
}

const BAD_CHARS: Readonly<Record<StringTarget, readonly string[]>> = {
  body: [' ', '!', '/', '\n', 'é', '"', '<'],
  path: [' ', '!', '/', '%', 'é', '*', '..'],
  query: [' ', '!', '&', '%', 'é', '#'],
  header: ['!', '~', '"', '(', '*', '<'],
};
const BAD_FORMAT: Readonly<Record<string, string>> = {
  email: 'not-an-email',
  'date-time': '2025-13-45T99:99:99Z',
  date: '2025-02-30x',
  time: '25:61:00',
  uuid: 'not-a-uuid',
  uri: 'not a uri',
  ipv4: '300.1.1.1',
};

/**
 * Every mutation that should make `value` invalid for `schema`, at the value itself and at each object
 * property and array item inside it (all branches of `oneOf`/`anyOf` are considered). Candidates are
 * guesses: the caller validates each one and keeps only those the schema really rejects.
 */
export function mutationsOf(
  schema: unknown,
  value: unknown,
  rng: SeededRandom,
  target: StringTarget = 'body',
): Mutation[] {
  const out: Mutation[] = [];
  const visit = (sub: unknown, at: Path, current: unknown, depth: number) => {
    if (typeof sub !== 'object' || sub === null || depth > 8) return;
    const s = sub as Json;
    const branches = [...((s.oneOf as unknown[]) ?? []), ...((s.anyOf as unknown[]) ?? [])];
    if (branches.length > 0) {
      const { oneOf: _o, anyOf: _a, ...rest } = s;
      for (const b of branches) visit(mergeSchemas([rest, b]), at, current, depth + 1);
      return;
    }
    if (Array.isArray(s.allOf)) {
      const { allOf, ...rest } = s;
      visit(mergeSchemas([rest, ...allOf]), at, current, depth + 1);
      return;
    }
    const add = (kind: MutationKind, replacement: unknown) =>
      out.push({ kind, at: pointer(at), value: setAt(value, at, replacement) });
    atSite(s, current, rng, target, add);
    if (isObject(current)) {
      const properties = (s.properties ?? {}) as Json;
      for (const [name, v] of Object.entries(current)) {
        const child = properties[name] ?? s.additionalProperties;
        visit(child, [...at, name], v, depth + 1);
      }
    } else if (Array.isArray(current)) {
      for (const [i, v] of current.entries()) visit(s.items, [...at, i], v, depth + 1);
    }
  };
  visit(schema, [], value, 0);
  return out;
}

function atSite(
  s: Json,
  current: unknown,
  rng: SeededRandom,
  target: StringTarget,
  add: (kind: MutationKind, value: unknown) => void,
): void {
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  if (types.length > 0) {
    const wrong = [42, 1.5, 'text', true, null, [], {}].filter((v) => !types.some((t) => hasType(v, t)));
    if (wrong.length > 0) add('wrong-type', rng.pick(wrong));
  }
  if (Array.isArray(s.enum) || 'const' in s) add('bad-enum', 'not-a-listed-value');
  if (typeof current === 'string') {
    const points = [...current];
    if (typeof s.maxLength === 'number')
      add('too-long', (current + 'x'.repeat(s.maxLength + 1)).slice(0, s.maxLength + rng.int(1, 8)));
    if (typeof s.minLength === 'number' && s.minLength > (target === 'path' ? 1 : 0))
      add('too-short', points.slice(0, s.minLength - 1).join(''));
    if (typeof s.pattern === 'string') {
      const i = rng.int(0, points.length);
      points.splice(i, 0, rng.pick(BAD_CHARS[target]));
      add('pattern', points.join(''));
    }
    const bad = typeof s.format === 'string' ? BAD_FORMAT[s.format] : undefined;
    if (bad !== undefined) add('bad-format', bad);
  }
  if (typeof current === 'number') {
    if (typeof s.minimum === 'number') add('out-of-range', s.minimum - rng.int(1, 100));
    if (typeof s.maximum === 'number') add('out-of-range', s.maximum + rng.int(1, 100));
    if (typeof s.exclusiveMinimum === 'number') add('out-of-range', s.exclusiveMinimum);
    if (typeof s.exclusiveMaximum === 'number') add('out-of-range', s.exclusiveMaximum);
  }
  if (Array.isArray(current)) {
    if (typeof s.maxItems === 'number') {
      const filler = current.length > 0 ? current : [null];
      add(
        'too-many-items',
        Array.from({ length: s.maxItems + 1 }, (_, i) => structuredClone(filler[i % filler.length])),
      );
    }
    if (s.uniqueItems === true && current.length > 0) add('duplicate-items', [...current, current[0]]);
  }
  if (isObject(current)) {
    const present = (Array.isArray(s.required) ? (s.required as string[]) : []).filter((k) => k in current);
    if (present.length > 0) {
      const { [rng.pick(present)]: _dropped, ...rest } = current;
      add('drop-required', rest);
    }
    if (s.additionalProperties === false) add('extra-property', { ...current, unexpectedField: 'x' });
  }
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return v === null;
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    default:
      return typeof v === type;
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setAt(root: unknown, at: Path, replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = structuredClone(root) as Json;
  let node: Json = copy;
  for (const key of at.slice(0, -1)) node = node[key as string] as Json;
  node[at.at(-1) as string] = replacement;
  return copy;
}

function pointer(at: Path): string {
  return at.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
