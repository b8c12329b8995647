import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { access, constants, cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { createConnection } from 'mariadb'
import { quoteIdentifier } from '../config.js'
import { applyMigrations } from '../migrations/apply.js'
import { repoMigrationsDir } from '../migrations/paths.js'
import type { TeardownHost } from './test-database.js'

export interface ReplicationPairOptions {
  /** Name of the database created on the primary (and so on the replica). */
  database?: string
  /** Migrations applied to it: the repository's own by default; `false` leaves it empty. */
  migrationsDir?: string | false
  /** How long a server may take to start or the replica to catch up (a loaded machine is slow). */
  timeoutMs?: number
}

export interface ReplicationPair {
  readonly database: string
  /** DATABASE_URL of the primary's database. */
  readonly primaryUrl: string
  /** A DATABASE_REPLICA_URLS entry for the replica's copy of it. */
  readonly replicaUrl: string
  /** A statement as root on the primary or on the replica (in `database`); rows as the driver gives them. */
  onPrimary(sql: string, values?: unknown[]): Promise<unknown>
  onReplica(sql: string, values?: unknown[]): Promise<unknown>
  /** Waits until the replica has applied everything the primary had written when called. */
  caughtUp(): Promise<void>
  /** Kills the replica's server (SIGKILL) and waits for it to be gone. */
  killReplica(): Promise<void>
  /** Starts the killed replica again on the same port and data; replication resumes by itself. */
  restartReplica(): Promise<void>
}

/**
 * Starts a private MariaDB primary and a replica of it, each a `mariadbd` of its own with a temporary data directory
 * on a free loopback port, replicating the binlog by GTID; creates `database` on the primary and migrates it, and
 * waits until the replica has it too. Both servers are killed and their directories removed at teardown, whether the
 * test passed or not (and the servers also when the process exits). Never touches the server on 3306.
 */
export async function startReplicationPair(t: TeardownHost, options: ReplicationPairOptions = {}): Promise<ReplicationPair> {
  const timeoutMs = options.timeoutMs ?? 90_000
  const database = options.database ?? 'replicated'
  const [mariadbd, installDb] = await Promise.all([
    findExecutable(['mariadbd', 'mysqld']),
    findExecutable(['mariadb-install-db', 'mysql_install_db']),
  ])
  const root = await mkdtemp(join(tmpdir(), 'cp-replication-'))
  const servers: Server[] = []
  const killAll = () => {
    for (const server of servers) server.process?.kill('SIGKILL')
  }
  process.once('exit', killAll)
  t.teardown(async () => {
    process.off('exit', killAll)
    await Promise.all(servers.map((server) => server.kill()))
    await rm(root, { recursive: true, force: true })
  })

  // One bootstrap copied twice: mariadb-install-db takes seconds, a copy of its 26 MB does not.
  const template = join(root, 'template')
  await promisify(execFile)(installDb, [
    '--no-defaults',
    `--datadir=${template}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...SMALL_SERVER,
    ...asRoot(),
  ], { timeout: timeoutMs })
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  const primary = new Server(mariadbd, join(root, 'primary'), primaryPort, 1, ['--log-bin=binlog', '--binlog-format=ROW'])
  const replica = new Server(mariadbd, join(root, 'replica'), replicaPort, 2, ['--relay-log=relay', '--relay-log-recovery'])
  servers.push(primary, replica)
  await Promise.all([primary, replica].map(async (server) => {
    await cp(template, server.datadir, { recursive: true })
    await server.start(timeoutMs)
  }))

  await replica.query(
    `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primaryPort}, MASTER_USER='root', MASTER_PASSWORD='', ` +
      'MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1',
  )
  await replica.query('START SLAVE')
  await primary.query(`CREATE DATABASE ${quoteIdentifier(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  const primaryUrl = `mysql://root@127.0.0.1:${primaryPort}/${encodeURIComponent(database)}`
  const replicaUrl = `mysql://root@127.0.0.1:${replicaPort}/${encodeURIComponent(database)}`
  if (options.migrationsDir !== false) {
    await applyMigrations({ url: primaryUrl, migrationsDir: options.migrationsDir ?? repoMigrationsDir })
  }

  const caughtUp = async () => {
    const [row] = (await primary.query('SELECT @@gtid_binlog_pos AS pos')) as Array<{ pos: string }>
    const [waited] = (await replica.query('SELECT MASTER_GTID_WAIT(?, ?) AS result', [row?.pos ?? '', timeoutMs / 1000])) as Array<{
      result: number | bigint
    }>
    if (Number(waited?.result) !== 0) throw new Error(`the replica did not catch up with ${row?.pos} within ${timeoutMs} ms`)
  }
  await caughtUp()
  return {
    database,
    primaryUrl,
    replicaUrl,
    onPrimary: (sql, values) => primary.query(sql, values, database),
    onReplica: (sql, values) => replica.query(sql, values, database),
    caughtUp,
    killReplica: () => replica.kill(),
    restartReplica: () => replica.start(timeoutMs),
  }
}

/** Small buffers and lazy flushing: a throwaway server on a shared 2-core machine. */
const SMALL_SERVER = ['--innodb-buffer-pool-size=16M', '--innodb-log-file-size=8M']

/** mariadbd refuses to run as root unless told to. */
function asRoot(): string[] {
  return process.getuid?.() === 0 ? ['--user=root'] : []
}

class Server {
  process: ChildProcess | undefined
  #exited: Promise<void> = Promise.resolve()

  constructor(
    private readonly binary: string,
    readonly datadir: string,
    readonly port: number,
    private readonly serverId: number,
    private readonly extra: string[],
  ) {}

  get #errorLog(): string {
    return join(this.datadir, 'error.log')
  }

  async start(timeoutMs: number): Promise<void> {
    const child = spawn(
      this.binary,
      [
        '--no-defaults',
        `--datadir=${this.datadir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.datadir, 's.sock')}`,
        `--pid-file=${join(this.datadir, 'server.pid')}`,
        `--log-error=${this.#errorLog}`,
        `--server-id=${this.serverId}`,
        '--skip-name-resolve',
        '--innodb-flush-log-at-trx-commit=2',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        ...SMALL_SERVER,
        ...asRoot(),
        ...this.extra,
      ],
      { stdio: 'ignore' },
    )
    this.process = child
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()))
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`mariadbd on port ${this.port} exited while starting:\n${await this.#logTail()}`)
      }
      try {
        await this.query('SELECT 1')
        return
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`mariadbd on port ${this.port} did not accept connections within ${timeoutMs} ms:\n${await this.#logTail()}`, {
            cause: error,
          })
        }
        await sleep(200)
      }
    }
  }

  async kill(): Promise<void> {
    const child = this.process
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGKILL')
    await this.#exited
  }

  async query(sql: string, values?: unknown[], database?: string): Promise<unknown> {
    const conn = await createConnection({
      host: '127.0.0.1',
      port: this.port,
      user: 'root',
      connectTimeout: 2000,
      ...(database ? { database } : {}),
    })
    try {
      return await conn.query(sql, values)
    } finally {
      await conn.end().catch(() => conn.destroy())
    }
  }

  async #logTail(): Promise<string> {
    const text = await readFile(this.#errorLog, 'utf8').catch(() => '(no error log)')
    return text.split('\n').slice(-20).join('\n')
  }
}

/** A port nothing listens on right now (the OS picks it), for a server started next. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The first of `names` on PATH or in the sbin folders where distributions put the server (not on a user's PATH). */
async function findExecutable(names: string[]): Promise<string> {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin']
  for (const name of names) {
    for (const dir of dirs.filter(Boolean)) {
      const candidate = join(dir, name)
      try {
        await access(candidate, constants.X_OK)
        return candidate
      } catch {
        // not here
      }
    }
  }
  throw new Error(`none of ${names.join(', ')} found on PATH or in /usr/sbin (install the MariaDB server package)`)
}
