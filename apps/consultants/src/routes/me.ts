import { checkConsultantEligibility, consultantEligibilityErrors, eligibilityErrorCode, type Locale } from '@cp/domain'
import { negotiateLanguage, securityFor } from '@cp/service-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { consultantsError, problems, validationError } from '../errors.js'
import { type OwnProfileView, toOwnProfileView } from '../lib/own-profile-view.js'
import type { OwnProfileRecord, ProfileRepository } from '../repositories/profile-repository.js'
import { NoQuerySchema } from '../schemas/consultants.js'
import { OwnProfilePatchSchema, ownPhotoFolder, PHOTO_PATH_PATTERN } from '../schemas/me.js'
import { ChangedOwnProfileResponse, OwnProfileResponse } from '../schemas/responses.js'

export interface MeRoutesOptions {
  readonly profiles: ProfileRepository
  readonly contentUrl: string
  readonly timeZone: string
  readonly now: () => Date
}

const PHOTO_PATH = new RegExp(PHOTO_PATH_PATTERN)

/**
 * A new photo is an image in the caller's own folder (the pattern allows any consultant's folder; only the route
 * knows who asks). The value already stored passes as it is, whatever it holds: GET returns it as `photoPath`, and a
 * client that sends back what it read changes nothing, so it must not be refused.
 */
function checkPhotoPath(photoPath: string, current: string | null | undefined, consultantId: number): void {
  if (photoPath === current) return
  if (!PHOTO_PATH.test(photoPath)) {
    throw validationError({ path: '/body/photoPath', message: `must match pattern "${PHOTO_PATH_PATTERN}"` })
  }
  const folder = ownPhotoFolder(consultantId)
  if (!photoPath.startsWith(folder)) {
    throw validationError({ path: '/body/photoPath', message: `must be in your own folder, ${folder}` })
  }
}

const ineligible = Object.keys(consultantEligibilityErrors) as Array<keyof typeof consultantEligibilityErrors>

export const meRoutes: FastifyPluginAsyncTypebox<MeRoutesOptions> = async (app, options) => {
  const { profiles, contentUrl, timeZone, now } = options

  // The caller's own profile, errors included: no shared cache may keep it, and it varies on the token (as auth's /me).
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store')
    reply.header('vary', 'Authorization')
  })

  /**
   * When the caller stops being eligible, or a 403 with the sign-in rule's own code if they already have: a token
   * outlives the checks made when it was issued (an account disabled or a license expired since), so every request
   * checks again.
   */
  function eligibleUntil(record: OwnProfileRecord, instant: Date): Date {
    const verdict = checkConsultantEligibility(record.facts, instant, timeZone)
    if (!verdict.eligible) throw consultantsError(eligibilityErrorCode(verdict.reason))
    return verdict.notAfter
  }

  function view(record: OwnProfileRecord, locale: Locale, instant: Date, until: Date): OwnProfileView {
    if (!record.consultant) throw consultantsError(eligibilityErrorCode('CONSULTANT_MISSING'))
    const options = { contentUrl, locale, timeZone, now: instant, eligibleUntil: until }
    return toOwnProfileView(record.consultant, record, options)
  }

  app.get(
    '/me',
    {
      onRequest: app.requireConsultant,
      schema: {
        tags: ['me'],
        summary: "The signed-in consultant's own profile",
        description:
          'Both languages of the editable texts, the contract and license that keep the consultant bookable, and ' +
          'until when. Refused with the sign-in rule\'s own 403 code when the consultant is no longer eligible.',
        querystring: NoQuerySchema,
        ...securityFor('consultant', { 200: OwnProfileResponse, ...problems(...ineligible, 'COMMON_UNAVAILABLE') }),
      },
    },
    async (request, reply) => {
      const locale = negotiateLanguage(request, reply)
      const { consultantId, userId } = request.consultantAuth
      const instant = now()
      const record = await profiles.findOwnProfile(consultantId, userId)
      return view(record, locale, instant, eligibleUntil(record, instant))
    },
  )

  app.patch(
    '/me',
    {
      onRequest: app.requireConsultant,
      schema: {
        tags: ['me'],
        summary: 'Change the biography, photo or online status',
        description:
          'Only the fields given are written, in one UPDATE of those columns, so the legacy TimeStamp moves ' +
          '(when a value actually changes) and no other column is touched. Unknown fields and fields a consultant ' +
          'may not change (status, price, order in list, ...) are refused with 400 and nothing is written.',
        querystring: NoQuerySchema,
        body: OwnProfilePatchSchema,
        ...securityFor('consultant', {
          200: ChangedOwnProfileResponse,
          ...problems(...ineligible, 'COMMON_PAYLOAD_TOO_LARGE', 'COMMON_UNSUPPORTED_MEDIA_TYPE', 'COMMON_UNAVAILABLE'),
        }),
      },
    },
    async (request, reply) => {
      const locale = negotiateLanguage(request, reply)
      const auth = request.consultantAuth
      const { bioEn, bioAr, photoPath, online } = request.body
      const instant = now()
      const { record, authorized: until } = await profiles.updateOwnProfile(
        auth.consultantId,
        auth.userId,
        { bioEn, bioAr, photo: photoPath, online },
        (current) => {
          // Read under the row lock, so "unchanged" means unchanged at the moment of the write.
          if (typeof photoPath === 'string') checkPhotoPath(photoPath, current.consultant?.photo, auth.consultantId)
          return eligibleUntil(current, instant)
        },
      )
      return view(record, locale, instant, until)
    },
  )
}
