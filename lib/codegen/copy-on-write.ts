/** What a `mapChildren` callback answers for a field to leave out of the copy. */
export const DROP: unique symbol = Symbol('drop');

/**
 * `node`'s children passed through `next` (by index in an array, by key in an object): a shallow copy that
 * holds the changed ones, or undefined when none changed, so a rewrite copies only what is on the way to a
 * change. An object's field for which `next` answers DROP is left out of the copy.
 */
export function mapChildren(
  node: object,
  next: (value: unknown, key: string | number) => unknown,
): object | undefined {
  if (Array.isArray(node)) {
    let items: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const value = next(node[i], i);
      if (value !== node[i]) {
        items ??= node.slice();
        items[i] = value;
      }
    }
    return items;
  }
  const obj = node as Record<string, unknown>;
  let fields: Record<string, unknown> | undefined;
  for (const key of Object.keys(obj)) {
    const value = next(obj[key], key);
    if (value === obj[key]) continue;
    fields ??= { ...obj };
    if (value === DROP) delete fields[key];
    else fields[key] = value;
  }
  return fields;
}
