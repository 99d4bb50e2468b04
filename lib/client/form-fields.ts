/**
 * The fields of a form body (URL-encoded or multipart) in the default form style: one entry per item, an
 * array as repeated entries of its key, `undefined` and `null` left out.
 */
export function* formFields(body: unknown): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>))
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined && item !== null) yield [key, item];
}

/** A form field's text: an object as its JSON (a form field's default content type), else the value. */
export function fieldText(item: unknown): string {
  return typeof item === 'object' ? JSON.stringify(item) : String(item);
}
