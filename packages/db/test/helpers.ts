import { createConnection, type Connection } from 'mariadb'
import { parseDatabaseUrl } from '../src/config.js'
import type { TeardownHost } from '../src/testing/index.js'

/** A raw driver connection to `url`, closed at teardown; for looking at a database from outside. */
export async function rawConnection(t: TeardownHost, url: string): Promise<Connection> {
  const conn = await createConnection({ ...parseDatabaseUrl(url), dateStrings: true })
  t.teardown(() => conn.end())
  return conn
}

/** Collects what a logger was given, in the shape tests look at. */
export function memoryLogger() {
  const entries: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = []
  const at =
    (level: string) =>
    (obj: unknown, msg?: string): void => {
      if (typeof obj === 'string') entries.push({ level, obj: {}, msg: obj })
      else entries.push({ level, obj: obj as Record<string, unknown>, msg: msg ?? '' })
    }
  return { entries, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } }
}
