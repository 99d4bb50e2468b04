/** A media type without its parameters, lower-cased (`Multipart/Form-Data; boundary=x` → `multipart/form-data`). */
export function mediaEssence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether `mediaType` is a range (`image/*`, or any type) rather than one type. */
export function isMediaRange(mediaType: string): boolean {
  return mediaEssence(mediaType).includes('*');
}

/** Whether the media type `type` falls in `range` (`image/png` in `image/*`; any type in the any-type range). */
export function inMediaRange(type: string, range: string): boolean {
  const essence = mediaEssence(type);
  const r = mediaEssence(range);
  if (r === '*/*') return /^[^/\s]+\/[^/\s]+$/.test(essence);
  return r.endsWith('/*') && essence.startsWith(r.slice(0, -1)) && essence.length > r.length - 1;
}

const RANGE_EXAMPLES: Readonly<Record<string, string>> = {
  '*/*': 'application/octet-stream',
  'application/*': 'application/octet-stream',
  'image/*': 'image/png',
  'audio/*': 'audio/mpeg',
  'video/*': 'video/mp4',
  'text/*': 'text/plain',
};

/** One concrete media type in `range`, for a request that must name one (verify's cases). */
export function typeInRange(range: string): string {
  const r = mediaEssence(range);
  return RANGE_EXAMPLES[r] ?? `${r.slice(0, -2)}/octet-stream`;
}
