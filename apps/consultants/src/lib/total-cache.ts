/**
 * Keeps answers of the database for a short while, in this process only. Concurrent requests for the same key
 * share one query, a failed query is not kept, and the oldest entry goes when the cache is full. Each instance of
 * a service has its own, so what one instance serves is at most `ttlMs` older than the database (plus the time
 * the query took), whatever the others do: that is the staleness bound every user of this cache documents.
 */
export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>
  /** Drops a key, so that this instance reads it again at once (after a change it made itself). */
  forget(key: string): void
}

export interface TtlCacheOptions {
  /** How long an answer is reused; 0 turns the cache off. */
  readonly ttlMs: number
  readonly maxEntries: number
  readonly now?: () => number
}

export function createTtlCache<V>({ ttlMs, maxEntries, now = Date.now }: TtlCacheOptions): TtlCache<V> {
  const entries = new Map<string, { value: Promise<V>; expiresAt: number }>()
  return {
    get(key, load) {
      if (ttlMs <= 0) return load()
      const at = now()
      const cached = entries.get(key)
      if (cached && cached.expiresAt > at) return cached.value
      entries.delete(key)
      const value = load()
      entries.set(key, { value, expiresAt: at + ttlMs })
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key)
      })
      // Map keeps insertion order, so the first key is the oldest.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      return value
    },
    forget(key) {
      entries.delete(key)
    },
  }
}

/**
 * List totals. Counting bookable consultants visits every consultant (tens of milliseconds on 10k rows, see
 * README.md), while the page itself is an index walk of a few dozen rows; a total a few seconds old is an honest
 * trade for serving the first screen from the page query alone.
 */
export type TotalCache = TtlCache<number>

export const createTotalCache: (options: TtlCacheOptions) => TotalCache = createTtlCache
