import t from 'tap'
import {
  InvalidIdError,
  MAX_DEVICE_TOKEN_LENGTH,
  MAX_INT_ID,
  asConsultantId,
  asUserId,
  defineIntId,
  parseAppointmentId,
  parseArticleId,
  parseBranchId,
  parseCareerId,
  parseCategoryId,
  parseCollectionId,
  parseConsultantId,
  parseCourseId,
  parseDeviceToken,
  parseOrderId,
  parseServiceCategoryId,
  parseSessionId,
  parseUserId,
  tryParseConsultantId,
  tryParseDeviceToken,
  tryParseSessionId,
  tryParseUserId,
  type ConsultantId,
  type UserId,
} from '../src/ids.js'

t.test('integer ids accept positive safe integers up to the MySQL INT maximum', async (t) => {
  t.equal(parseUserId(1), 1)
  t.equal(parseUserId(42), 42)
  t.equal(parseUserId(MAX_INT_ID), 2147483647)
  t.equal(parseUserId(7.0), 7, '7.0 is the number 7')
})

t.test('integer ids accept the canonical decimal string form', async (t) => {
  t.equal(parseConsultantId('12'), 12)
  t.equal(parseConsultantId('1'), 1)
  t.equal(parseConsultantId('2147483647'), MAX_INT_ID)
})

t.test('integer ids reject every non-canonical or out-of-range input', async (t) => {
  const rejected: unknown[] = [
    '012', '00', '1e3', '-1', '0', '1.5', ' 1', '1 ', '+1', '0x10', '1_000', '', '١٢',
    '99999999999999999999', '2147483648', '9999999999',
    0, -1, -0, 1.5, 2147483648, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity,
    12n, null, undefined, true, {}, [], [1], { valueOf: () => 1 },
  ]
  for (const input of rejected) {
    t.throws(() => parseUserId(input), InvalidIdError, `rejects ${String(input)}`)
    t.equal(tryParseUserId(input), undefined, `tryParse rejects ${String(input)}`)
  }
})

t.test('InvalidIdError names the id kind and a truncated copy of the input', async (t) => {
  const error = t.throws(() => parseConsultantId('x'.repeat(500))) as InvalidIdError
  t.ok(error instanceof InvalidIdError)
  t.equal(error.name, 'InvalidIdError')
  t.equal(error.kind, 'ConsultantId')
  t.equal(error.input, JSON.stringify(`${'x'.repeat(64)}…`))
  t.ok(error.message.length < 120, 'message stays short')
  t.match(error.message, /^Invalid ConsultantId: "x+…"$/)

  const objectError = t.throws(() => parseUserId({ secret: 'hunter2' })) as InvalidIdError
  t.equal(objectError.input, '[object]', 'objects are described by type, not stringified')
  t.notMatch(objectError.message, /hunter2/)
  t.equal((t.throws(() => parseUserId(undefined)) as InvalidIdError).input, 'undefined')
  t.equal((t.throws(() => parseUserId(5n)) as InvalidIdError).input, '5n')
  t.equal((t.throws(() => parseUserId(-3)) as InvalidIdError).input, '-3')
})

t.test('every integer id kind is built by the same rules and reports its own kind', async (t) => {
  const parsers = {
    UserId: parseUserId,
    ConsultantId: parseConsultantId,
    CategoryId: parseCategoryId,
    ServiceCategoryId: parseServiceCategoryId,
    BranchId: parseBranchId,
    OrderId: parseOrderId,
    AppointmentId: parseAppointmentId,
    ArticleId: parseArticleId,
    CourseId: parseCourseId,
    CollectionId: parseCollectionId,
    CareerId: parseCareerId,
  }
  for (const [kind, parse] of Object.entries(parsers)) {
    t.equal(parse('5'), 5, `${kind} parses`)
    const error = t.throws(() => parse('05')) as InvalidIdError
    t.equal(error.kind, kind)
  }
})

t.test('defineIntId gives new kinds the same validation', async (t) => {
  const codec = defineIntId('ReviewId')
  t.equal(codec.kind, 'ReviewId')
  t.equal(codec.parse('9'), 9)
  t.equal(codec.tryParse('9.0'), undefined)
  t.equal((t.throws(() => codec.parse(0)) as InvalidIdError).kind, 'ReviewId')
})

t.test('trusted casts keep the value and only change the type', async (t) => {
  const userId: UserId = asUserId(3)
  const consultantId: ConsultantId = asConsultantId(3)
  t.equal(userId, 3)
  t.equal(consultantId, 3)
  t.equal(JSON.stringify({ userId }), '{"userId":3}')
  // @ts-expect-error brands of different kinds are not interchangeable
  const wrong: UserId = consultantId
  // @ts-expect-error a plain number is not an id without parsing or a cast
  const plain: ConsultantId = 3
  t.equal(wrong, plain, 'both are the number 3 at run time')
  t.equal(tryParseConsultantId('3'), consultantId)
})

t.test('session ids are RFC 9562 uuids, normalised to lower case', async (t) => {
  const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
  t.equal(parseSessionId(id), id)
  t.equal(parseSessionId(id.toUpperCase()), id)
  t.equal(parseSessionId('017f22e2-79b0-7cc3-98c4-dc0c0c07398f'), '017f22e2-79b0-7cc3-98c4-dc0c0c07398f', 'v7')
  const rejected: unknown[] = [
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '3f2504e0-4f89-01d3-9a0c-0305e82c3301',
    '3f2504e0-4f89-41d3-ca0c-0305e82c3301',
    '3f2504e04f8941d39a0c0305e82c3301',
    `{3f2504e0-4f89-41d3-9a0c-0305e82c3301}`,
    ` ${id}`,
    `${id}\n`,
    'not-a-uuid',
    12,
    null,
  ]
  for (const input of rejected) {
    t.equal(tryParseSessionId(input), undefined, `rejects ${JSON.stringify(input)}`)
  }
  t.equal((t.throws(() => parseSessionId('nope')) as InvalidIdError).kind, 'SessionId')
})

t.test('device tokens are 1..4096 visible ASCII characters without whitespace', async (t) => {
  const fcm = 'dQw4w9WgXcQ:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx_ZNlK5'
  t.equal(parseDeviceToken(fcm), fcm)
  t.equal(parseDeviceToken('a'), 'a')
  t.equal(parseDeviceToken('!~'), '!~', 'the ends of the visible ASCII range')
  const longest = 'f'.repeat(MAX_DEVICE_TOKEN_LENGTH)
  t.equal(parseDeviceToken(longest), longest)

  const rejected: unknown[] = [
    '', 'f'.repeat(MAX_DEVICE_TOKEN_LENGTH + 1), 'abc def', ' abc', 'abc\n', 'abc\t', 'a\u0000b', 'a\u007fb',
    'تطبيق', 'a\u00a0b', 42, null, undefined, ['abc'],
  ]
  for (const input of rejected) {
    t.equal(tryParseDeviceToken(input), undefined, `rejects ${JSON.stringify(input)?.slice(0, 20)}`)
  }
  const error = t.throws(() => parseDeviceToken('x'.repeat(5000))) as InvalidIdError
  t.equal(error.kind, 'DeviceToken')
  t.ok(error.input.length < 80, 'the offending token is truncated in the error')
})
