import t from 'tap'
import { parseDatabaseUrl, parseDbConfig } from '../src/index.js'

t.test('defaults fill every setting and strings from the environment become integers', async (t) => {
  t.same(parseDbConfig({}), {
    DATABASE_URL: 'mysql://root@127.0.0.1:3306/consultation',
    DATABASE_REPLICA_URLS: '',
    DB_REPLICA_MAX_LAG_SECONDS: 5,
    DB_REPLICA_CHECK_INTERVAL_MS: 1000,
    DB_POOL_SIZE: 10,
    DB_CONNECT_TIMEOUT_MS: 5000,
    DB_ACQUIRE_TIMEOUT_MS: 10000,
    DB_SLOW_QUERY_MS: 200,
    DB_SLOW_QUERY_LOG_PER_SECOND: 5,
    DB_HEALTH_TIMEOUT_MS: 1000,
    DB_QUERY_TIMEOUT_MS: 5000,
    DB_QUERY_WATCHDOG_MS: 7000,
    DB_BREAKER_PROBE_INTERVAL_MS: 500,
    DB_BREAKER_PROBE_TIMEOUT_MS: 1000,
    DB_SQL_MODE: 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',
  })
  const config = parseDbConfig({ DB_POOL_SIZE: '3', DB_SLOW_QUERY_MS: '0', UNRELATED: 'x' })
  t.equal(config.DB_POOL_SIZE, 3)
  t.equal(config.DB_SLOW_QUERY_MS, 0)
  t.notOk('UNRELATED' in config, 'other variables are not carried along')
})

t.test('rejects values that would misconfigure the pool', async (t) => {
  t.throws(() => parseDbConfig({ DB_POOL_SIZE: '0' }))
  t.throws(() => parseDbConfig({ DB_POOL_SIZE: 'ten' }))
  t.throws(() => parseDbConfig({ DATABASE_URL: 'postgres://localhost/x' }))
})

t.test('time limits: the watchdog leaves the server time to end a statement itself; 0 turns either off', async (t) => {
  t.throws(() => parseDbConfig({ DB_QUERY_TIMEOUT_MS: '5000', DB_QUERY_WATCHDOG_MS: '5000' }), /DB_QUERY_WATCHDOG_MS \(5000\) must be at least DB_QUERY_TIMEOUT_MS \(5000\) \+ 500/)
  t.throws(() => parseDbConfig({ DB_QUERY_TIMEOUT_MS: '-1' }))
  t.throws(() => parseDbConfig({ DB_BREAKER_PROBE_TIMEOUT_MS: '0' }))
  t.equal(parseDbConfig({ DB_QUERY_TIMEOUT_MS: '0', DB_QUERY_WATCHDOG_MS: '100' }).DB_QUERY_WATCHDOG_MS, 100)
  t.equal(parseDbConfig({ DB_QUERY_TIMEOUT_MS: '2000', DB_QUERY_WATCHDOG_MS: '0' }).DB_QUERY_TIMEOUT_MS, 2000)
})

t.test('DB_SQL_MODE takes mode names or `server`, nothing that could leave its quotes', async (t) => {
  t.equal(parseDbConfig({ DB_SQL_MODE: 'server' }).DB_SQL_MODE, 'server')
  t.equal(parseDbConfig({ DB_SQL_MODE: '' }).DB_SQL_MODE, '')
  t.equal(parseDbConfig({ DB_SQL_MODE: 'STRICT_TRANS_TABLES,NO_ZERO_DATE' }).DB_SQL_MODE, 'STRICT_TRANS_TABLES,NO_ZERO_DATE')
  t.throws(() => parseDbConfig({ DB_SQL_MODE: "STRICT_TRANS_TABLES'; DROP TABLE customers; --" }))
  t.throws(() => parseDbConfig({ DB_SQL_MODE: 'strict_trans_tables' }))
})

t.test('a connection URL becomes mariadb driver options', async (t) => {
  t.same(parseDatabaseUrl('mysql://app:p%40ss%3Aword@db.internal:3307/consultation?allowPublicKeyRetrieval=true&connectAttributes=false&socketTimeout=500&timezone=Z'), {
    allowPublicKeyRetrieval: true,
    connectAttributes: false,
    socketTimeout: 500,
    timezone: 'Z',
    host: 'db.internal',
    port: 3307,
    user: 'app',
    password: 'p@ss:word',
    database: 'consultation',
  })
  t.same(parseDatabaseUrl('mariadb://root@[::1]'), { host: '::1', port: 3306, user: 'root' })
  t.throws(() => parseDatabaseUrl('postgres://localhost/x'), /mysql:\/\/ or mariadb:\/\//)
})
