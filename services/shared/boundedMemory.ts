/**
 * Values computed once per key and kept, up to `capacity` keys; past that the memory starts afresh
 * (simpler than an LRU, and enough where the keys that matter come back within seconds).
 */
export class BoundedMemory<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  remember(key: string, compute: () => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = compute();
    if (this.values.size >= this.capacity) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  forget(key: string): void {
    this.values.delete(key);
  }
}
