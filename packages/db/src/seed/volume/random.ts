/**
 * A small seeded generator (mulberry32): volume rows are a pure function of their index, so a re-run or a top-up
 * produces the same person for the same e-mail, and benchmark results compare across machines.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
  }
}

/** Separate streams for customers and consultants, so adding consultants never changes the customers generated. */
export function streamSeed(stream: 'customer' | 'consultant', index: number): number {
  return (stream === 'customer' ? 0x1000_0000 : 0x5000_0000) + index * 2_654_435_761
}
