/** One route answer as it was sent: the serialized body, its ETag and content type. */
export interface CachedAnswer {
  readonly payload: string
  readonly etag: string
  readonly contentType: string
}

export interface AnswerCacheOptions {
  /** How long an answer is reused after it was computed from the database; 0 turns the cache off. */
  readonly ttlMs: number
  /** Most answers kept (ids in the URL make the key space open); the oldest goes first. */
  readonly maxEntries?: number
  /** Milliseconds clock; tests pass their own. */
  readonly now?: () => number
}

export interface AnswerCache {
  readonly enabled: boolean
  get(key: string): CachedAnswer | undefined
  set(key: string, answer: CachedAnswer): void
}

/**
 * The catalog's answers kept in process for a short time. Each instance keeps its own, so an answer is at most
 * `ttlMs` older than the database on every instance (the staleness bound), and since the ETag is a hash of the
 * bytes, instances that read the same rows give the same ETag.
 */
export function createAnswerCache({ ttlMs, maxEntries = 1000, now = Date.now }: AnswerCacheOptions): AnswerCache {
  const entries = new Map<string, CachedAnswer & { storedAt: number }>()
  return {
    enabled: ttlMs > 0,
    get(key) {
      const entry = entries.get(key)
      if (entry === undefined) return undefined
      if (now() - entry.storedAt < ttlMs) return entry
      entries.delete(key)
      return undefined
    },
    set(key, answer) {
      if (ttlMs <= 0) return
      entries.delete(key)
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
      entries.set(key, { ...answer, storedAt: now() })
    },
  }
}
