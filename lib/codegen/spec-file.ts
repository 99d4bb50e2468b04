import { type Document, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { parseJsonSpec } from './json-spec.js';
import { SpecError, toPointer } from './spec-error.js';

/** One parsed spec file: its value as plain data and a way back from a path to the line that holds it. */
export interface SpecFile {
  path: string;
  text: string;
  value: unknown;
  /** The 1-based line and column of the node at `segments`, or of its nearest ancestor that exists. */
  locate(segments: readonly (string | number)[]): { line: number; column: number };
}

/**
 * Parses a YAML (or JSON, which is YAML) spec file. Syntax errors, duplicate keys and alias bombs become a
 * SpecError naming the line; the value is plain JSON data (no YAML tags or anchors survive). Valid JSON takes
 * a faster path with the same value and locations; anything else, errors included, goes through YAML.
 */
export function parseSpecFile(path: string, text: string): SpecFile {
  const json = parseJsonSpec(text);
  if (json !== undefined) return { path, text, value: json.value, locate: json.locate };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new SpecError(
      'yaml-syntax',
      `invalid YAML: ${first.message.split('\n')[0]}`,
      { file: path, line: pos.line, column: pos.col },
      'fix the YAML syntax at this line (indentation, a missing colon or quote, a duplicate key)',
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new SpecError('yaml-syntax', `invalid YAML: ${(error as Error).message}`, { file: path, line: 1 });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpecError('openapi-document', 'a spec must be a YAML mapping at the top level', {
      file: path,
      line: 1,
      pointer: '',
    });
  }
  return { path, text, value, locate: (segments) => locate(doc, lineCounter, segments) };
}

function locate(doc: Document, lines: LineCounter, segments: readonly (string | number)[]) {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of segments) {
    if (!isCollection(node)) break;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (pair === undefined) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    }
  }
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/** Builds a SpecError located at `segments` inside `file`. */
export function errorAt(
  file: SpecFile,
  segments: readonly (string | number)[],
  rule: string,
  message: string,
  hint?: string,
): SpecError {
  const { line, column } = file.locate(segments);
  return new SpecError(rule, message, { file: file.path, line, column, pointer: toPointer(segments) }, hint);
}
