import { defineErrors } from '@cp/domain'
import t from 'tap'
import { problemResponses, problemResponsesFor } from '../../src/index.js'

const CATALOG = defineErrors({
  CATALOG_CATEGORY_NOT_FOUND: { status: 404, title: { en: 'Category not found', ar: 'التصنيف غير موجود' } },
  CATALOG_SERVICE_NOT_FOUND: { status: 404, title: { en: 'Service not found', ar: 'الخدمة غير موجودة' } },
  CATALOG_CONFLICT: { status: 409, title: { en: 'Conflict', ar: 'تعارض' } },
})

t.test('every route gets the standard 400, 429, 500 and 503 problems', async (t) => {
  const responses = problemResponses()
  t.same(Object.keys(responses), ['400', '429', '500', '503'])
  t.equal(responses[503]?.description, 'COMMON_UNAVAILABLE')
  t.ok(responses[503]?.headers?.['retry-after'], 'a dependency outage says when to retry')
  t.equal(responses[400]?.description, 'COMMON_VALIDATION, COMMON_BAD_REQUEST')
  t.ok(responses[429]?.headers?.['retry-after'])
  t.same(Object.keys(responses[500]?.content ?? {}), ['application/problem+json'])
})

t.test('codes are grouped under their catalog status and named in the description', async (t) => {
  const problems = problemResponsesFor(CATALOG)
  const responses = problems('CATALOG_CATEGORY_NOT_FOUND', 'CATALOG_SERVICE_NOT_FOUND', 'COMMON_UNAUTHORIZED', 409)
  t.same(Object.keys(responses), ['400', '401', '404', '409', '429', '500', '503'])
  t.equal(responses[404]?.description, 'CATALOG_CATEGORY_NOT_FOUND, CATALOG_SERVICE_NOT_FOUND')
  t.equal(responses[401]?.description, 'COMMON_UNAUTHORIZED')
  t.equal(responses[409]?.description, 'Conflict', 'a bare status is described by its reason phrase')
})

t.test('a bare status is described by its HTTP reason phrase, a non-error status is refused', async (t) => {
  t.equal(problemResponses(404)[404]?.description, 'Not Found')
  t.throws(() => problemResponses(200), /200 is not an error status/)
})

t.test('an unknown code fails when the route is declared, not when it answers', async (t) => {
  const problems = problemResponsesFor(CATALOG)
  // @ts-expect-error the type only allows codes of this catalog and COMMON
  t.throws(() => problems('CATALOG_TYPO'), /Unknown error code CATALOG_TYPO/)
})
