import t from 'tap'
import { slowQueryLog, statementText } from '../src/slow-query-log.js'
import { memoryLogger } from './helpers.js'

t.test('logs statements at or over the threshold, at most maxPerSecond a second, then reports the rest', async (t) => {
  const { entries, logger } = memoryLogger()
  let clock = 10_000
  const observe = slowQueryLog(logger, { thresholdMs: 100, maxPerSecond: 2, now: () => clock })

  observe('SELECT fast', 99.9)
  t.equal(entries.length, 0, 'under the threshold')
  observe('SELECT a', 100)
  observe('SELECT b', 250.456)
  observe('SELECT c', 300)
  observe('SELECT d', 300)
  t.same(
    entries.map((entry) => entry.obj),
    [
      { durationMs: 100, query: 'SELECT a' },
      { durationMs: 250.46, query: 'SELECT b' },
    ],
  )
  t.ok(entries.every((entry) => entry.level === 'warn' && entry.msg === 'slow query'))

  clock += 999
  observe('SELECT e', 300)
  t.equal(entries.length, 2, 'still the same second')
  clock += 1
  observe('SELECT f', 300)
  t.same(entries.at(-1)?.obj, { durationMs: 300, query: 'SELECT f', suppressed: 3 }, 'the count of those left out')
  observe('SELECT g', 300)
  t.same(entries.at(-1)?.obj, { durationMs: 300, query: 'SELECT g' }, 'the count is reported once')
})

t.test('a cap of 0 writes nothing', async (t) => {
  const { entries, logger } = memoryLogger()
  const observe = slowQueryLog(logger, { thresholdMs: 0, maxPerSecond: 0 })
  observe('SELECT 1', 5)
  t.same(entries, [])
})

t.test('the SQL of a driver call, whether given as text or as options', async (t) => {
  t.equal(statementText('SELECT 1'), 'SELECT 1')
  t.equal(statementText({ sql: 'SELECT 2', rowsAsArray: true }), 'SELECT 2')
})
