import type { QueryOptions } from 'mariadb'
import { Prisma } from './generated/prisma/client.js'

/**
 * Runs one SQL statement (built with `Prisma.sql`, so its values stay parameters) straight on the driver and
 * returns its rows as objects keyed by column alias, decoded as {@link ROW_DECODING} says.
 *
 * For the hot public reads only: Prisma's `$queryRaw` costs 2.1–2.6× the driver's CPU for the same statement
 * (bench/README.md), and these reads need none of what it adds. The statement still runs on the same guarded
 * pool as Prisma's (breaker, watchdog, statement limit, slow-query log, metrics) and, through `readRows`, is
 * routed to a replica exactly as `read`'s statements are. Errors are the driver's own; `isDatabaseUnavailable`
 * recognises its outage errors.
 */
export type RowReader = <Row>(query: Prisma.Sql) => Promise<Row[]>

/** What a pool (guarded or replica-routed) offers a reader: the driver's `query`, given the SQL text alone. */
export type StatementRunner = (sql: string, values: unknown[]) => Promise<unknown>

/**
 * How the pools decode values for {@link RowReader} (`openPool` sets them; Prisma's adapter states its own options
 * with every statement, so they change nothing for it). Set on the pool rather than per statement because the
 * driver copies its whole configuration for a statement that brings options (5.6% of the list's CPU):
 * - DATE, DATETIME and TIMESTAMP as the server prints them (`YYYY-MM-DD hh:mm:ss`): a legacy zero date is the text
 *   `0000-00-00 00:00:00`, not an error that fails the whole statement, and no time zone is applied to a wall clock;
 * - DECIMAL as its exact text (the driver's default, stated): prices and ratings are never rounded through a double;
 * - BIGINT (what `COUNT(*)` and `SUM` return) as a `bigint` (the default), never rounded;
 * - JSON as its text; rows as objects keyed by column alias.
 */
export const ROW_DECODING = {
  dateStrings: true,
  decimalAsNumber: false,
  bigIntAsNumber: false,
  autoJsonMap: false,
  rowsAsArray: false,
  nestTables: false,
} as const satisfies Omit<QueryOptions, 'sql'>

/** A reader over `run`; every call is one statement. */
export function rowReader(run: StatementRunner): RowReader {
  return async <Row>(query: Prisma.Sql): Promise<Row[]> => (await run(query.sql, query.values)) as Row[]
}

/** The type of one column as {@link RowReader} decodes it, from the type Prisma gives the same column. */
export type DriverValue<T> = T extends Prisma.Decimal ? string : T extends Date ? string : T

/** A row of Prisma-typed columns (`Prisma.XGetPayload`, a model's fields) as {@link RowReader} returns it. */
export type DriverRow<T> = { readonly [K in keyof T]: DriverValue<T[K]> }

/**
 * The select list `column AS alias, …` of a driver read whose rows are `Row`: `sources` must name exactly the row's
 * keys (the compiler checks it), each with the column or expression it is read from. Trusted text only: it is SQL.
 */
export function columnsAs<Row>(sources: Record<keyof Row, string>): Prisma.Sql {
  return Prisma.raw(
    Object.entries<string>(sources)
      .map(([alias, column]) => `${column} AS ${alias}`)
      .join(', '),
  )
}
