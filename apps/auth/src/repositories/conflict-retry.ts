import { Prisma } from '@cp/db'

/** P2034: InnoDB chose the transaction as a deadlock victim (or another write conflict); running it again settles it. */
export const DEADLOCK = 'P2034'

/**
 * Runs `attempt` again when it fails with one of `codes` (Prisma error codes), at most `maxTries` times in all. For
 * transactions that race on rows another transaction may insert or lock at the same moment.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, codes: ReadonlySet<string>, maxTries = 3): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (error) {
      const retryable = error instanceof Prisma.PrismaClientKnownRequestError && codes.has(error.code)
      if (!retryable || tries >= maxTries) throw error
    }
  }
}
