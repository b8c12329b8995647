import t from 'tap'
import { expectedColumnType, formatColumnType, parseColumnType } from '../../src/drift/column-type.js'

const expected = (type: string, nativeType: [string, string[]] | null = null): string =>
  formatColumnType(expectedColumnType({ kind: 'scalar', type, nativeType }))

t.test('a scalar without @db.* gets the column type prisma migrate would create on MySQL', async (t) => {
  t.equal(expected('String'), 'varchar(191)')
  t.equal(expected('Int'), 'int')
  t.equal(expected('BigInt'), 'bigint')
  t.equal(expected('Boolean'), 'tinyint(1)')
  t.equal(expected('DateTime'), 'datetime(3)')
  t.equal(expected('Decimal'), 'decimal(65,30)')
  t.equal(expected('Float'), 'double')
  t.equal(expected('Bytes'), 'longblob')
  t.equal(expected('Json'), 'json')
  t.throws(() => expected('Geometry'), /no MySQL column type for Prisma type Geometry/)
})

t.test('a native type gives its lower-case name, its arguments and unsigned', async (t) => {
  t.equal(expected('String', ['VarChar', ['32']]), 'varchar(32)')
  t.equal(expected('String', ['Char', ['2']]), 'char(2)')
  t.equal(expected('String', ['Text', []]), 'text')
  t.equal(expected('String', ['MediumText', []]), 'mediumtext')
  t.equal(expected('Int', ['UnsignedInt', []]), 'int unsigned')
  t.equal(expected('Int', ['SmallInt', []]), 'smallint')
  t.equal(expected('Int', ['UnsignedTinyInt', []]), 'tinyint unsigned')
  t.equal(expected('Int', ['TinyInt', []]), 'tinyint', 'an Int on TINYINT is not a flag: no (1)')
  t.equal(expected('BigInt', ['UnsignedBigInt', []]), 'bigint unsigned')
  t.equal(expected('Decimal', ['Decimal', ['10', '2']]), 'decimal(10,2)')
  t.equal(expected('Float', ['Float', []]), 'float')
  t.equal(expected('Bytes', ['VarBinary', ['16']]), 'varbinary(16)')
  t.equal(expected('Boolean', ['TinyInt', []]), 'tinyint(1)', 'a Boolean on TINYINT is TINYINT(1)')
  t.equal(expected('Boolean', ['Bit', ['1']]), 'bit(1)')
  t.equal(expected('Int', ['Year', []]), 'year')
})

t.test('temporal native types: no precision and precision 0 are the same column', async (t) => {
  t.equal(expected('DateTime', ['DateTime', ['0']]), 'datetime')
  t.equal(expected('DateTime', ['DateTime', []]), 'datetime')
  t.equal(expected('DateTime', ['DateTime', ['3']]), 'datetime(3)')
  t.equal(expected('DateTime', ['Timestamp', ['0']]), 'timestamp')
  t.equal(expected('DateTime', ['Time', ['0']]), 'time')
  t.equal(expected('DateTime', ['Date', []]), 'date')
})

t.test('an enum field is an ENUM of the database names of its values', async (t) => {
  const type = expectedColumnType({ kind: 'enum', type: 'Status', nativeType: null }, ['Active', "it's"])
  t.same(type.values, ['Active', "it's"])
  t.equal(formatColumnType(type), "enum('Active','it''s')")
  t.throws(() => expectedColumnType({ kind: 'enum', type: 'Status', nativeType: null }), /enum Status/)
})

t.test('MariaDB and MySQL 8 spellings of COLUMN_TYPE parse to the same type', async (t) => {
  const pairs: [mariadb: string, mysql: string, canonical: string][] = [
    ['int(11)', 'int', 'int'],
    ['int(10) unsigned', 'int unsigned', 'int unsigned'],
    ['bigint(20)', 'bigint', 'bigint'],
    ['smallint(6)', 'smallint', 'smallint'],
    ['tinyint(4)', 'tinyint', 'tinyint'],
    ['tinyint(1)', 'tinyint(1)', 'tinyint(1)'],
    ['year(4)', 'year', 'year'],
    ['decimal(10,2)', 'decimal(10,2)', 'decimal(10,2)'],
    ['datetime', 'datetime', 'datetime'],
    ['datetime(3)', 'datetime(3)', 'datetime(3)'],
    ['varchar(32)', 'varchar(32)', 'varchar(32)'],
  ]
  for (const [mariadb, mysql, canonical] of pairs) {
    t.equal(formatColumnType(parseColumnType(mariadb)), canonical, `MariaDB ${mariadb}`)
    t.equal(formatColumnType(parseColumnType(mysql)), canonical, `MySQL ${mysql}`)
  }
})

t.test('enum values are read with their quotes undone and their case kept', async (t) => {
  t.same(parseColumnType("enum('Male','Female')").values, ['Male', 'Female'])
  t.same(parseColumnType("enum('a,b','it''s','')").values, ['a,b', "it's", ''])
  t.equal(parseColumnType("ENUM('X')").base, 'enum')
})

t.test('a type the parser does not know keeps its text', async (t) => {
  t.equal(formatColumnType(parseColumnType('point')), 'point')
  t.equal(formatColumnType(parseColumnType('double(8,2) unsigned zerofill')), 'double(8,2) unsigned')
})
