import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { Test } from 'tap'
import { createTestDatabase, type TeardownHost, testServerUrl } from '../../src/testing/index.js'

/** A port that was free a moment ago (the relay or server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * A socat relay in front of the database server, in its own process group: `socat … fork` serves each connection
 * from a child, so cutting the database off means signalling the whole group. kill() ends every relayed
 * connection at once (what a crashed server or proxy looks like); freeze() stops them all with open sockets
 * and a listening port that still accepts TCP (what a hung server or a partitioned network looks like).
 */
export async function startRelay(t: TeardownHost, target: { host: string; port: number }, port?: number) {
  const listenPort = port ?? (await freePort())
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(
      'socat',
      [`TCP-LISTEN:${listenPort},bind=127.0.0.1,reuseaddr,fork`, `TCP:${target.host}:${target.port}`],
      { detached: true, stdio: 'ignore' },
    )
    await waitForListener(listenPort)
  }
  const signal = (name: NodeJS.Signals) => {
    if (child?.pid) process.kill(-child.pid, name)
  }
  const kill = async () => {
    const current = child
    if (!current?.pid || current.exitCode !== null) return
    const exited = new Promise((resolve) => current.once('exit', resolve))
    signal('SIGCONT')
    signal('SIGKILL')
    await exited
    child = undefined
  }
  await start()
  t.teardown(kill)
  return {
    port: listenPort,
    kill,
    restart: start,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
  }
}

async function waitForListener(port: number): Promise<void> {
  const deadline = Date.now() + 5000
  while (Date.now() < deadline) {
    const listening = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(true))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)))
    })
    if (listening) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`socat did not listen on ${port} within 5 s`)
}

/** A fresh test database reached through a relay in front of its server: `url` goes through `relay`. */
export async function relayedTestDatabase(t: Test) {
  const { url } = await createTestDatabase(t)
  const server = new URL(testServerUrl())
  const relay = await startRelay(t, { host: server.hostname, port: Number(server.port || 3306) })
  const viaRelay = new URL(url)
  viaRelay.hostname = '127.0.0.1'
  viaRelay.port = String(relay.port)
  return { relay, url: viaRelay.toString() }
}
