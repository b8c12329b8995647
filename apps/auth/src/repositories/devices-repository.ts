import { createHash } from 'node:crypto'
import type { DeviceType, PrismaClient } from '@cp/db'
import { DEADLOCK, retryOnConflict } from './conflict-retry.js'

export interface DeviceRegistration {
  readonly customerId: number
  readonly sessionId: string
  readonly token: string
  readonly platform: DeviceType
  readonly now: Date
  /** Devices an account keeps; the least recently registered beyond this are removed. */
  readonly maxPerAccount: number
}

const RETRYABLE = new Set(['P2002', DEADLOCK])

export const deviceTokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

/** Push device tokens: one per session, each token owned by one account. */
export function createDevicesRepository(db: PrismaClient) {
  async function registerOnce(device: DeviceRegistration): Promise<boolean> {
    const tokenHash = deviceTokenHash(device.token)
    return db.$transaction(async (tx) => {
      // Locks the session row: registrations for one session run one at a time, and none after its logout.
      const open = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM auth_sessions WHERE id = ${device.sessionId} AND revoked_at IS NULL FOR UPDATE`
      if (open.length === 0) return false
      await tx.authDeviceToken.deleteMany({ where: { sessionId: device.sessionId, tokenHash: { not: tokenHash } } })
      const data = {
        token: device.token,
        customerId: device.customerId,
        sessionId: device.sessionId,
        platform: device.platform,
        updatedAt: device.now,
      }
      // A token already registered (by this or another account) moves to this session and account.
      const moved = await tx.authDeviceToken.updateMany({ where: { tokenHash }, data })
      if (moved.count === 0) await tx.authDeviceToken.create({ data: { ...data, tokenHash, createdAt: device.now } })
      const surplus = await tx.authDeviceToken.findMany({
        where: { customerId: device.customerId },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        skip: device.maxPerAccount,
        select: { id: true },
      })
      if (surplus.length > 0) {
        await tx.authDeviceToken.deleteMany({ where: { id: { in: surplus.map((row) => row.id) } } })
      }
      return true
    })
  }

  return {
    /** False when the session has ended meanwhile. */
    register(device: DeviceRegistration): Promise<boolean> {
      // Two sessions registering the same new token at once: one insert loses on the unique hash (P2002) or InnoDB
      // picks it as a deadlock victim (P2034, the gap locks of both lookups); running it again settles it.
      return retryOnConflict(() => registerOnce(device), RETRYABLE)
    },

    async removeForSession(sessionId: string): Promise<void> {
      await db.authDeviceToken.deleteMany({ where: { sessionId } })
    },

  }
}

export type DevicesRepository = ReturnType<typeof createDevicesRepository>
