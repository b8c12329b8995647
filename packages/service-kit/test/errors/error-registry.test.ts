import t from 'tap'
import { COMMON_ERRORS, createErrorRegistry } from '../../src/index.js'

const title = { en: 'Title', ar: 'عنوان' }

t.test('a registry holds COMMON and the service codes', async (t) => {
  const registry = createErrorRegistry({ AUTH_OTP_EXPIRED: { status: 400, title } })
  t.equal(registry.get('AUTH_OTP_EXPIRED')?.status, 400)
  t.equal(registry.get('COMMON_INTERNAL'), COMMON_ERRORS.COMMON_INTERNAL)
  t.equal(registry.get('AUTH_NOPE'), undefined)
})

t.test('catalog mistakes fail at start-up', async (t) => {
  t.throws(() => createErrorRegistry({ notUpperCase: { status: 400, title } }), /PREFIX_UPPER_SNAKE_CASE/)
  t.throws(() => createErrorRegistry({ NOPREFIX: { status: 400, title } }), /PREFIX_UPPER_SNAKE_CASE/)
  t.throws(() => createErrorRegistry({ AUTH_OK: { status: 200, title } }), /4xx or 5xx/)
  t.throws(() => createErrorRegistry({ AUTH_X: { status: 400, title: { en: 'Only English', ar: ' ' } } }), /Arabic/)
  t.throws(() => createErrorRegistry({ AUTH_A: { status: 400, title } }, { AUTH_A: { status: 401, title } }), /defined twice/)
})
