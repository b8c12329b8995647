/**
 * Why a drift check could not run (as opposed to finding drift): `usage` for missing or wrong input,
 * `schema` for a Prisma schema that does not parse, `connection` for a database that cannot be read.
 */
export class DriftCheckError extends Error {
  override readonly name = 'DriftCheckError'

  constructor(
    readonly reason: 'usage' | 'schema' | 'connection',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}
