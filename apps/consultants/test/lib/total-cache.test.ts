import t from 'tap'
import { createTotalCache } from '../../src/lib/total-cache.js'

function counter(values: number[] = [1, 2, 3, 4, 5]) {
  let calls = 0
  return {
    count: async () => values[calls++] ?? -1,
    calls: () => calls,
  }
}

t.test('a total is reused until it expires, per key', async (t) => {
  let clock = 0
  const cache = createTotalCache({ ttlMs: 1000, maxEntries: 10, now: () => clock })
  const a = counter([10, 11])
  t.equal(await cache.get('a', a.count), 10)
  clock = 999
  t.equal(await cache.get('a', a.count), 10, 'still fresh')
  t.equal(await cache.get('b', async () => 20), 20, 'another key counts on its own')
  clock = 1000
  t.equal(await cache.get('a', a.count), 11, 'expired: counted again')
  t.equal(a.calls(), 2)
})

t.test('ttl 0 counts every time', async (t) => {
  const cache = createTotalCache({ ttlMs: 0, maxEntries: 10 })
  const a = counter()
  await cache.get('a', a.count)
  await cache.get('a', a.count)
  t.equal(a.calls(), 2)
})

t.test('concurrent requests share one count; a failed count is not kept', async (t) => {
  const cache = createTotalCache({ ttlMs: 1000, maxEntries: 10, now: () => 0 })
  let release: (value: number) => void = () => {}
  let calls = 0
  const slow = () => {
    calls += 1
    return new Promise<number>((resolve) => {
      release = resolve
    })
  }
  const both = Promise.all([cache.get('a', slow), cache.get('a', slow)])
  release(7)
  t.same(await both, [7, 7])
  t.equal(calls, 1)
  await t.rejects(cache.get('broken', async () => Promise.reject(new Error('database gone'))), /database gone/)
  t.equal(await cache.get('broken', async () => 3), 3, 'the next request counts again')
})

t.test('the oldest entry makes room', async (t) => {
  const cache = createTotalCache({ ttlMs: 1000, maxEntries: 2, now: () => 0 })
  const a = counter([1, 2])
  await cache.get('a', a.count)
  await cache.get('b', async () => 0)
  await cache.get('c', async () => 0)
  t.equal(await cache.get('a', a.count), 2, 'a was evicted')
})
