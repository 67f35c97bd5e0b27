/**
 * A small in-memory cache of lookups (per warm Lambda container / local server). It holds the
 * promise, so concurrent lookups of the same key share one request; a failed lookup is not kept.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, load: () => Promise<V>, ttlOf: (value: V) => number = () => this.ttlMs): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    this.entries.delete(key);
    const value = load();
    const entry = { expiresAt: Number.POSITIVE_INFINITY, value };
    this.entries.set(key, entry);
    value.then(
      (v) => {
        entry.expiresAt = this.now() + ttlOf(v);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
