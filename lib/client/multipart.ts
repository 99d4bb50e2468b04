import { randomBytes } from 'node:crypto';
import { fieldText, formFields } from './form-fields.js';

/** A file a client sends in a multipart body: bytes, or bytes with the part's file name and media type. */
export type FilePart =
  | Blob
  | Uint8Array
  | { data: Blob | Uint8Array; filename?: string; contentType?: string };

/** A file a handler receives from a multipart body (the whole part, read within the route's body limit). */
export interface UploadedFile {
  data: Buffer;
  /** The part's file name, `''` when the client sent none. */
  filename: string;
  /** The part's media type (`application/octet-stream` when the client sent none). */
  contentType: string;
}

/** The body a client sends for a multipart schema `T`: its `Files` fields take a file, `FileLists` several. */
export type MultipartInput<T, Files extends string = never, FileLists extends string = never> = {
  [K in keyof T]: K extends Files ? FilePart : K extends FileLists ? FilePart[] : T[K];
};

/** The body a handler receives for a multipart schema `T`: the other fields validated (and coerced). */
export type MultipartFields<T, Files extends string = never, FileLists extends string = never> = {
  [K in keyof T]: K extends Files ? UploadedFile : K extends FileLists ? UploadedFile[] : T[K];
};

/** One part of a multipart body, ready to encode. */
export interface EncodedPart {
  name: string;
  value: string | Uint8Array;
  /** Present for a file part. */
  filename?: string;
  contentType?: string;
}

const encoder = new TextEncoder();
const quoted = (text: string) => `"${text.replace(/[\r\n"\\]/g, (c) => encodeURIComponent(c))}"`;

/**
 * Encodes parts as `multipart/form-data` (RFC 7578) with a fresh boundary: the body's bytes and the
 * Content-Type that names the boundary.
 */
export function encodeMultipart(parts: readonly EncodedPart[]): { body: Uint8Array; contentType: string } {
  const boundary = `switchboard-${randomBytes(12).toString('hex')}`;
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
    if (part.filename !== undefined) head += `; filename=${quoted(part.filename)}`;
    head += '\r\n';
    if (part.contentType !== undefined)
      head += `Content-Type: ${part.contentType.replace(/[\r\n]/g, '')}\r\n`;
    chunks.push(encoder.encode(`${head}\r\n`));
    chunks.push(typeof part.value === 'string' ? encoder.encode(part.value) : part.value);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The parts of a client's multipart body: a file field's `FilePart`(s) as file parts (a `Blob` read once),
 * other values as text (an object as its JSON, an array as one part per item), `undefined` and `null` left out.
 */
export async function multipartParts(body: unknown): Promise<EncodedPart[]> {
  const parts: EncodedPart[] = [];
  for (const [name, item] of formFields(body)) {
    const file = await asFile(item);
    parts.push(file === undefined ? { name, value: fieldText(item) } : { name, ...file });
  }
  return parts;
}

async function asFile(
  item: unknown,
): Promise<{ value: Uint8Array; filename: string; contentType: string } | undefined> {
  const named = item as { data?: unknown; filename?: unknown; contentType?: unknown };
  const data = item instanceof Blob || item instanceof Uint8Array ? item : named?.data;
  if (!(data instanceof Blob || data instanceof Uint8Array)) return undefined;
  const value = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
  const filename =
    typeof named.filename === 'string' ? named.filename : data instanceof File ? data.name : 'blob';
  const contentType =
    typeof named.contentType === 'string'
      ? named.contentType
      : data instanceof Blob && data.type !== ''
        ? data.type
        : 'application/octet-stream';
  return { value, filename, contentType };
}
