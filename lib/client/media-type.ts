/** A media type without its parameters, lower-cased (`Multipart/Form-Data; boundary=x` → `multipart/form-data`). */
export function mediaEssence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}
