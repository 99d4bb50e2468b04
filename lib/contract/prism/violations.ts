/** One problem Prism found in a request (or response), from its `sl-violations` response header. */
export interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/**
 * The violations Prism reported for the request that got `headers`: empty when the request matched the
 * spec. Prism still answers an invalid request (with a documented 400/401/422 or its own problem+json), so
 * this header is how a test tells "Prism rejected my request" from "Prism played the 400 example".
 */
export function prismViolations(headers: { get(name: string): string | null }): PrismViolation[] {
  const raw = headers.get('sl-violations');
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as PrismViolation[]) : [];
  } catch {
    return [];
  }
}
