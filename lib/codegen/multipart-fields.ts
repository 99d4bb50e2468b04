type Json = Record<string, unknown>;

/** The file fields of a `multipart/form-data` body: one file each, or a list of files. */
export interface MultipartFiles {
  single: string[];
  lists: string[];
}

/**
 * Whether a schema describes a file part: `format: binary` (OpenAPI 3.0), or a string (or untyped) value with
 * a `contentMediaType` and no `contentEncoding` (3.1: raw bytes of that type).
 */
function isFile(schema: Json): boolean {
  if (schema.format === 'binary') return true;
  const stringy = schema.type === undefined || schema.type === 'string';
  return stringy && typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined;
}

/**
 * The file fields of a multipart body's object schema (its own `properties`, refs followed with `deref`), and
 * the schema the server validates the parsed parts with: each file field becomes an object (an uploaded file:
 * `{ data, filename, contentType }`), a list of files an array of them with the list's own bounds; the other
 * fields stay as written (their strings are coerced like a query's).
 */
export function multipartFields(
  schema: unknown,
  deref: (value: unknown) => Json,
): {
  files: MultipartFiles;
  validation: Json;
} {
  const object = deref(schema);
  const files: MultipartFiles = { single: [], lists: [] };
  const properties: Json = {};
  for (const [name, raw] of Object.entries((object.properties ?? {}) as Json)) {
    const property = deref(raw);
    const items = property.type === 'array' ? deref(property.items) : undefined;
    if (isFile(property)) {
      files.single.push(name);
      properties[name] = UPLOADED_FILE;
    } else if (items !== undefined && isFile(items)) {
      files.lists.push(name);
      const { items: _, ...bounds } = property;
      properties[name] = { ...bounds, items: UPLOADED_FILE };
    } else properties[name] = raw;
  }
  return { files, validation: { ...object, properties } };
}

const UPLOADED_FILE = {
  type: 'object',
  required: ['data', 'filename', 'contentType'],
  properties: { filename: { type: 'string' }, contentType: { type: 'string' } },
};
