// @ts-check
// The consultants service as apps/consultants/src/app.ts composes it, from its built modules, with one change: the
// auth plugin is replaced by one that trusts a fixed consultant (BENCH_CONSULTANT_ID, BENCH_CUSTOMER_ID) without
// reading any token. `GET /v1/consultants/me` then does the same work as in the real service minus the guard, which
// is what the guarded-route check compares. Keep in step with app.ts; the runner's byte check catches drift.
import { CONSULTANTS_ERRORS } from '@cp/consultants/dist/errors.js'
import { loadConsultantsConfig } from '@cp/consultants/dist/config.js'
import { createTotalCache, createTtlCache } from '@cp/consultants/dist/lib/total-cache.js'
import { createAvailabilityRepository } from '@cp/consultants/dist/repositories/availability-repository.js'
import { createConsultantsRepository } from '@cp/consultants/dist/repositories/consultants-repository.js'
import { createProfileRepository } from '@cp/consultants/dist/repositories/profile-repository.js'
import { consultantsRoutes } from '@cp/consultants/dist/routes/index.js'
import { meRoutes } from '@cp/consultants/dist/routes/me.js'
import { databaseServiceOptions, dbPlugin } from '@cp/db'
import { asConsultantId, asSessionId, asUserId } from '@cp/domain'
import { buildService, runServer } from '@cp/service-kit'
import fp from 'fastify-plugin'

const PREFIX = '/v1/consultants'
/** @type {import('@cp/service-kit').ConsultantAuthContext} */
const identity = Object.freeze({
  role: 'consultant',
  consultantId: asConsultantId(Number(process.env.BENCH_CONSULTANT_ID)),
  userId: asUserId(Number(process.env.BENCH_CUSTOMER_ID)),
  sessionId: asSessionId('00000000-0000-4000-8000-000000000000'),
  tokenId: 'bench',
  expiresAt: new Date(Date.now() + 3_600_000),
})
if (!(identity.consultantId > 0 && identity.userId > 0)) {
  throw new Error('BENCH_CONSULTANT_ID and BENCH_CUSTOMER_ID must name the consultant /me answers for')
}

/** Same name as the real plugin, so whatever depends on it still loads; guards that let everyone through. */
const trustingAuthPlugin = fp(
  async (app) => {
    const letThrough = async () => {}
    app.decorate('requireAuth', letThrough)
    app.decorate('requireConsultant', letThrough)
    app.decorate('verifyAccessToken', async () => ({ ok: false, reason: 'malformed' }))
    app.decorateRequest('auth', { getter: () => identity })
    app.decorateRequest('consultantAuth', { getter: () => identity })
  },
  { name: '@cp/service-kit/auth', fastify: '5.x' },
)

const config = loadConsultantsConfig()
await runServer(
  async () => {
    const app = await buildService({
      name: 'consultants',
      version: '0.0.0-bench',
      config,
      errors: CONSULTANTS_ERRORS,
      ...databaseServiceOptions,
    })
    await app.register(dbPlugin, { config })
    await app.register(trustingAuthPlugin)
    const now = () => new Date()
    /** @type {import('@cp/consultants/dist/routes/index.js').PublicProfileCache} */
    const profiles = createTtlCache({ ttlMs: config.CONSULTANTS_PROFILE_CACHE_SECONDS * 1000, maxEntries: 1000 })
    await app.register(meRoutes, {
      prefix: PREFIX,
      profiles: createProfileRepository(app.db),
      onProfileChanged: (/** @type {number} */ consultantId) => profiles.forget(String(consultantId)),
      contentUrl: config.CONTENT_URL,
      timeZone: config.PLATFORM_TIME_ZONE,
      now,
    })
    await app.register(consultantsRoutes, {
      prefix: PREFIX,
      consultants: createConsultantsRepository(app.dbReadRows),
      availability: createAvailabilityRepository(app.db),
      totals: createTotalCache({ ttlMs: config.CONSULTANTS_TOTAL_CACHE_SECONDS * 1000, maxEntries: 1000 }),
      profiles,
      contentUrl: config.CONTENT_URL,
      timeZone: config.PLATFORM_TIME_ZONE,
      now,
    })
    return app
  },
  { host: config.HOST, port: config.PORT, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS },
)
