/**
 * Keeps list totals for a short while. Counting bookable consultants visits every consultant (tens of
 * milliseconds on 10k rows, see README.md), while the page itself is an index walk of a few dozen rows; a total a
 * few seconds old is an honest trade for serving the first screen from the page query alone. Concurrent requests
 * for the same total share one count, a failed count is not kept, and the oldest entry goes when the cache is full.
 */
export interface TotalCache {
  get(key: string, count: () => Promise<number>): Promise<number>
}

export interface TotalCacheOptions {
  /** How long a total is reused; 0 turns the cache off. */
  readonly ttlMs: number
  readonly maxEntries: number
  readonly now?: () => number
}

export function createTotalCache({ ttlMs, maxEntries, now = Date.now }: TotalCacheOptions): TotalCache {
  const entries = new Map<string, { total: Promise<number>; expiresAt: number }>()
  return {
    get(key, count) {
      if (ttlMs <= 0) return count()
      const at = now()
      const cached = entries.get(key)
      if (cached && cached.expiresAt > at) return cached.total
      entries.delete(key)
      const total = count()
      entries.set(key, { total, expiresAt: at + ttlMs })
      total.catch(() => {
        if (entries.get(key)?.total === total) entries.delete(key)
      })
      // Map keeps insertion order, so the first key is the oldest.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      return total
    },
  }
}
