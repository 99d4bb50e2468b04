/**
 * The map `outer` holds for `key`, made empty on first use: the second level of a cache keyed by an object
 * (an operation, a route's config, an attribute set) and then by a value of it.
 */
export function innerMap<K extends object, I, V>(outer: WeakMap<K, Map<I, V>>, key: K): Map<I, V> {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}
