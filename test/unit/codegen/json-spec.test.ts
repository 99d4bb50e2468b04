import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SpecError } from '../../../lib/codegen/spec-error.js';
import { parseSpecFile, type SpecFile } from '../../../lib/codegen/spec-file.js';

// A JSON spec takes a JSON.parse fast path; these prove it answers exactly as the YAML parser does. Appending
// a YAML comment makes the same text invalid JSON, so `viaYaml` is the YAML parser's answer at the same offsets.
const viaYaml = (text: string) => parseSpecFile('spec.json', `${text}\n# through YAML\n`);

const SPEC = `{
  "openapi": "3.1.0",
  "info": {"title": "t\\u00e9st", "version": "1"},
  "paths": {
    "/a/{id}": {
      "get": {
        "parameters": [
          {"name": "id", "in": "path"},
          [ [1, 2], {"deep": [null, true, -0, 1e400, 12345678901234567890, 0.1e-3]} ]
        ],
        "responses": {"200": {"description": "ok"}}
      }
    }
  },
  "components": {"schemas": {
    "a\\"b": {"type": "string"},
    "~1": {"enum": ["\\ud83d\\ude00", "\\\\", "\\/", ""]},
    "__proto__": {"properties": {"constructor": {}, "toString": {"type": "null"}}},
    "\\u0061": {}, "empty": [], "emptyObject": {}
  }}
}
`;

function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...at, Array.isArray(value) ? Number(key) : key];
    return [path, [...path, 'missing', 0], ...paths(child, path)];
  });
}

function errorOf(parse: () => SpecFile): SpecError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected a SpecError');
}

describe('parseSpecFile on a JSON spec', () => {
  it('gives the value the YAML parser gives, for JSON and for the same spec as YAML', () => {
    const json = parseSpecFile('spec.json', SPEC);
    // node's check, not toStrictEqual: that compares `.constructor`, which is a key of the spec here.
    expect(isDeepStrictEqual(json.value, viaYaml(SPEC).value)).toBe(true);
    // yaml's stringify writes -0 as 0, so that one number is left out of the round trip through YAML text.
    const positive = parseSpecFile('spec.json', SPEC.replace('-0,', '-1,')).value;
    expect(isDeepStrictEqual(positive, parseSpecFile('spec.yaml', stringify(positive)).value)).toBe(true);
    const schemas = (json.value as { components: { schemas: Record<string, unknown> } }).components.schemas;
    expect(Object.hasOwn(schemas, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(schemas)).toBe(Object.prototype);
    expect(Object.keys(schemas)).toEqual(['a"b', '~1', '__proto__', 'a', 'empty', 'emptyObject']);
  });

  it('locates paths at the line and column of their key or item', () => {
    const file = parseSpecFile('spec.json', SPEC);
    const at = (...segments: (string | number)[]) => file.locate(segments);
    expect(at()).toEqual({ line: 1, column: 1 });
    expect(at('info', 'version')).toEqual({ line: 3, column: 34 });
    expect(at('paths', '/a/{id}', 'get', 'parameters', 0, 'in')).toEqual({ line: 8, column: 26 });
    expect(at('paths', '/a/{id}', 'get', 'parameters', 1, 0, 1)).toEqual({ line: 9, column: 17 });
    expect(at('paths', '/a/{id}', 'get', 'parameters', '1', 1, 'deep', 4)).toEqual({ line: 9, column: 54 });
    expect(at('components', 'schemas', 'a"b', 'type')).toEqual({ line: 16, column: 14 });
    expect(at('components', 'schemas', '~1', 'enum', 2)).toEqual({ line: 17, column: 43 });
    expect(at('components', 'schemas', '__proto__', 'properties', 'toString')).toEqual({
      line: 18,
      column: 53,
    });
    expect(at('components', 'schemas', 'a', 'x')).toEqual({ line: 19, column: 5 });
    // A missing step stops at the nearest ancestor, as does a step into a scalar.
    expect(at('paths', '/b', 'get')).toEqual({ line: 4, column: 3 });
    expect(at('openapi', 'x')).toEqual({ line: 2, column: 3 });
    expect(at('components', 'schemas', 'empty', 0)).toEqual({ line: 19, column: 19 });
  });

  it('locates every path, and paths that are not there, where the YAML parser does', () => {
    const json = parseSpecFile('spec.json', SPEC);
    const yaml = viaYaml(SPEC);
    const all = paths(json.value);
    expect(all.length).toBeGreaterThan(60);
    for (const path of [...all, ['paths', '/a/{id}', 'get', 'parameters', '01'], ['paths', 'x']])
      expect(json.locate(path), JSON.stringify(path)).toEqual(yaml.locate(path));
  });

  it('counts lines and columns as the YAML parser does with a BOM, CRLF line ends and tabs', () => {
    const text = `\uFEFF${SPEC.replaceAll('\n', '\r\n').replaceAll('  ', '\t')}`;
    const json = parseSpecFile('spec.json', text);
    const yaml = viaYaml(text);
    expect(isDeepStrictEqual(json.value, yaml.value)).toBe(true);
    for (const path of [[], ...paths(json.value)]) expect(json.locate(path)).toEqual(yaml.locate(path));
    expect(json.locate(['info'])).toEqual({ line: 3, column: 2 });
  });

  it('reports a duplicate key as before, also one spelled with an escape', () => {
    const dup = '{\n  "openapi": "3.1.0",\n  "paths": {},\n  "paths": {}\n}\n';
    const error = errorOf(() => parseSpecFile('s.json', dup));
    expect(error.rule).toBe('yaml-syntax');
    expect(error.message).toBe('invalid YAML: Map keys must be unique');
    expect(error.location).toEqual({ file: 's.json', line: 4, column: 3 });
    expect(error.hint).toMatch(/duplicate key/);
    const escaped = '{\n  "openapi": "3.1.0",\n  "info": { "title": "x", "\\u0074itle": "y" }\n}\n';
    expect(errorOf(() => parseSpecFile('s.json', escaped)).location).toEqual({
      file: 's.json',
      line: 3,
      column: 27,
    });
    const nested = '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a": { "get": {}, "get": {} }\n  }\n}\n';
    expect(errorOf(() => parseSpecFile('s.json', nested)).location).toEqual({
      file: 's.json',
      line: 4,
      column: 24,
    });
  });

  it('reports invalid JSON with the YAML syntax error it got before', () => {
    const unclosed = errorOf(() =>
      parseSpecFile('s.json', '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a": [1, 2}\n  }\n}\n'),
    );
    expect(unclosed.rule).toBe('yaml-syntax');
    expect(unclosed.message).toBe(
      'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(unclosed.location).toEqual({ file: 's.json', line: 4, column: 16 });
    const comma = errorOf(() => parseSpecFile('s.json', '{\n  "openapi": "3.1.0"\n  "paths": {}\n}\n'));
    expect([comma.message, comma.location.line, comma.location.column]).toEqual([
      'invalid YAML: Missing , between flow map items',
      3,
      3,
    ]);
    const badEscape = errorOf(() => parseSpecFile('s.json', '{\n  "openapi": "3.1.0",\n  "x": "\\q"\n}\n'));
    expect([badEscape.message, badEscape.location.line, badEscape.location.column]).toEqual([
      'invalid YAML: Invalid escape sequence \\q',
      3,
      9,
    ]);
    expect(errorOf(() => parseSpecFile('s.json', '[1, 2]\n')).rule).toBe('openapi-document');
  });

  it('still reads what YAML accepts and JSON does not, such as a trailing comma', () => {
    expect(parseSpecFile('s.json', '{\n  "openapi": "3.1.0",\n  "paths": {},\n}\n').value).toEqual({
      openapi: '3.1.0',
      paths: {},
    });
  });

  it('leaves a lone carriage return to YAML, which does not take it for a line break', () => {
    const text = '{\r"openapi": "3.1.0", "paths": {}}';
    expect(isDeepStrictEqual(parseSpecFile('s.json', text).value, viaYaml(text).value)).toBe(true);
  });
});
