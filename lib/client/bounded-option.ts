/**
 * `value` when it is a finite number from `min` to `max`; otherwise a RangeError naming the option
 * (`<label> must be between <min> and <max>, got <value>`), thrown once, when a client is built.
 */
export function boundedOption(label: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max)
    throw new RangeError(`${label} must be between ${min} and ${max}, got ${value}`);
  return value;
}
