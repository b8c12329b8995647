import type { ServiceApp } from '@cp/service-kit'

let lastIp = 0

/** A client address of its own for each test, so the per-IP limit of one test never touches another. */
export function freshIp(): string {
  lastIp += 1
  return `10.20.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`
}

export interface OtpCallOptions {
  readonly ip: string
  readonly role?: 'customer' | 'consultant'
  readonly headers?: Record<string, string>
}

/** Requests a code, and waits until it was sent or withheld (delivery runs after the answer). */
export async function requestCode(app: ServiceApp, destination: unknown, { ip, role, headers }: OtpCallOptions) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/auth/otp/request',
    payload: role === undefined ? { destination } : { destination, role },
    remoteAddress: ip,
    ...(headers ? { headers } : {}),
  })
  await app.drainCodeDeliveries()
  return res
}

export function verifyCode(app: ServiceApp, destination: unknown, code: unknown, { ip, role, headers }: OtpCallOptions) {
  return app.inject({
    method: 'POST',
    url: '/v1/auth/otp/verify',
    payload: role === undefined ? { destination, code } : { destination, code, role },
    remoteAddress: ip,
    ...(headers ? { headers } : {}),
  })
}

/** A six-digit code that is not `code`. */
export function wrongCode(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, '0')
}
