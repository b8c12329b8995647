import t from 'tap'
import { parseColumnType } from '../../src/drift/column-type.js'
import {
  describeDefault,
  expectedDefault,
  liveDefault,
  sameDefault,
} from '../../src/drift/column-default.js'

const varchar = parseColumnType('varchar(20)')
const decimal = parseColumnType('decimal(10,2)')
const datetime = parseColumnType('datetime')
const flag = parseColumnType('tinyint(1)')

t.test('defaults Prisma declares', async (t) => {
  t.same(expectedDefault(undefined), { kind: 'none' })
  t.same(expectedDefault({ name: 'autoincrement', args: [] }), { kind: 'autoincrement' })
  t.same(expectedDefault({ name: 'now', args: [] }), { kind: 'now' })
  t.same(expectedDefault(true), { kind: 'literal', value: '1' })
  t.same(expectedDefault(false), { kind: 'literal', value: '0' })
  t.same(expectedDefault(0), { kind: 'literal', value: '0' })
  t.same(expectedDefault('5'), { kind: 'literal', value: '5' }, 'BigInt defaults come as strings')
  t.same(expectedDefault({ name: 'uuid', args: [4] }), { kind: 'none' }, 'uuid() is computed by the client')
  t.same(expectedDefault({ name: 'dbgenerated', args: ['(uuid())'] }), { kind: 'expression', sql: 'uuid()' })
  t.same(expectedDefault({ name: 'dbgenerated', args: ["'x'"] }), { kind: 'literal', value: 'x' })
  t.same(expectedDefault({ name: 'dbgenerated', args: [] }), { kind: 'expression', sql: '' })
})

t.test('an enum default is the database name of the value', async (t) => {
  const dbName = (value: string): string => (value === 'NoShow' ? 'No-Show' : value)
  t.same(expectedDefault('NoShow', dbName), { kind: 'literal', value: 'No-Show' })
})

t.test('MariaDB quotes string defaults, spells functions in lower case and writes NULL as text', async (t) => {
  t.same(liveDefault('mariadb', "'Active'", '', varchar), { kind: 'literal', value: 'Active' })
  t.same(liveDefault('mariadb', "'it''s'", '', varchar), { kind: 'literal', value: "it's" })
  t.same(liveDefault('mariadb', '0.00', '', decimal), { kind: 'literal', value: '0.00' })
  t.same(liveDefault('mariadb', 'current_timestamp()', 'on update current_timestamp()', datetime), { kind: 'now' })
  t.same(liveDefault('mariadb', 'current_timestamp(3)', '', datetime), { kind: 'now' })
  t.same(liveDefault('mariadb', 'NULL', '', varchar), { kind: 'none' }, 'nullable column without default')
  t.same(liveDefault('mariadb', null, '', varchar), { kind: 'none' })
  t.same(liveDefault('mariadb', "'NULL'", '', varchar), { kind: 'literal', value: 'NULL' }, 'the string NULL')
  t.same(liveDefault('mariadb', 'uuid()', '', varchar), { kind: 'expression', sql: 'uuid()' })
  t.same(liveDefault('mariadb', null, 'auto_increment', varchar), { kind: 'autoincrement' })
})

t.test('MySQL 8 leaves literals unquoted and flags expressions with DEFAULT_GENERATED', async (t) => {
  t.same(liveDefault('mysql', 'Active', '', varchar), { kind: 'literal', value: 'Active' })
  t.same(liveDefault('mysql', "it's", '', varchar), { kind: 'literal', value: "it's" })
  t.same(liveDefault('mysql', 'uuid()', '', varchar), { kind: 'literal', value: 'uuid()' }, 'a literal text')
  t.same(liveDefault('mysql', 'uuid()', 'DEFAULT_GENERATED', varchar), { kind: 'expression', sql: 'uuid()' })
  t.same(liveDefault('mysql', 'CURRENT_TIMESTAMP', 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP', datetime), {
    kind: 'now',
  })
  t.same(liveDefault('mysql', 'CURRENT_TIMESTAMP(3)', 'DEFAULT_GENERATED', datetime), { kind: 'now' })
  t.same(liveDefault('mysql', 'CURRENT_TIMESTAMP', '', datetime), { kind: 'now' }, 'without the flag too')
  t.same(liveDefault('mysql', 'CURRENT_TIMESTAMP', '', varchar), { kind: 'literal', value: 'CURRENT_TIMESTAMP' })
  t.same(liveDefault('mysql', null, 'auto_increment', varchar), { kind: 'autoincrement' })
})

t.test('defaults compare by meaning, not by spelling', async (t) => {
  const literal = (value: string) => ({ kind: 'literal', value }) as const
  t.ok(sameDefault(literal('0'), literal('0.00'), decimal), 'DECIMAL reports the scale')
  t.ok(sameDefault(literal('1.5'), literal('1.50'), decimal))
  t.notOk(sameDefault(literal('1.5'), literal('1.05'), decimal))
  t.ok(sameDefault(literal('1'), literal('1'), flag), 'true is 1')
  t.notOk(sameDefault(literal('1'), literal('0'), flag))
  t.notOk(sameDefault(literal('0'), literal('0.00'), varchar), 'strings are compared as text')
  t.ok(sameDefault(literal('2020-01-01T00:00:00+00:00'), literal('2020-01-01 00:00:00'), datetime))
  t.ok(sameDefault(literal('2020-01-01T00:00:00.000Z'), literal('2020-01-01 00:00:00.000'), datetime))
  t.ok(sameDefault({ kind: 'now' }, { kind: 'now' }, datetime))
  t.notOk(sameDefault({ kind: 'now' }, { kind: 'none' }, datetime))
  t.notOk(sameDefault({ kind: 'none' }, literal('x'), varchar))
  t.ok(sameDefault({ kind: 'expression', sql: '(UUID())' }, { kind: 'expression', sql: 'uuid()' }, varchar))
  t.ok(sameDefault({ kind: 'expression', sql: '' }, { kind: 'expression', sql: 'uuid()' }, varchar))
  t.notOk(sameDefault({ kind: 'expression', sql: '' }, { kind: 'none' }, varchar))
})

t.test('defaults are described in SQL terms', async (t) => {
  t.equal(describeDefault({ kind: 'literal', value: 'Active' }, varchar), "'Active'")
  t.equal(describeDefault({ kind: 'literal', value: '0.00' }, decimal), '0')
  t.equal(describeDefault({ kind: 'now' }, datetime), 'CURRENT_TIMESTAMP')
  t.equal(describeDefault({ kind: 'none' }, varchar), 'no default')
  t.equal(describeDefault({ kind: 'autoincrement' }, varchar), 'AUTO_INCREMENT')
  t.equal(describeDefault({ kind: 'expression', sql: 'uuid()' }, varchar), '(uuid())')
})
