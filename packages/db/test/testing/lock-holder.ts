// A test process of its own, for test-database.test.ts. `helper`: creates a database through createTestDatabase
// and keeps it (as a test file does while it runs). `raw <name>`: takes that database's lock and creates it by
// hand, under a name whose PID is not alive here (what a process in another PID namespace or on another
// machine with the same hostname looks like). Prints the name, then waits until it is killed.
import { createConnection } from 'mariadb'
import { parseDatabaseUrl } from '../../src/config.js'
import { createTestDatabase, testDatabaseLockName, testServerUrl } from '../../src/testing/index.js'

const [mode, rawName] = process.argv.slice(2)
if (mode === 'helper') {
  const { name } = await createTestDatabase({ teardown: () => {} }, { migrationsDir: false })
  process.stdout.write(`${name}\n`)
} else if (mode === 'raw' && rawName) {
  const conn = await createConnection(parseDatabaseUrl(testServerUrl()))
  await conn.query('SELECT GET_LOCK(?, 0)', [testDatabaseLockName(rawName)])
  await conn.query(`CREATE DATABASE \`${rawName}\``)
  process.stdout.write(`${rawName}\n`)
} else {
  throw new Error('usage: lock-holder.ts helper | raw <name>')
}
setInterval(() => {}, 60_000)
