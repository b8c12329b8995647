import { SEED_PASSWORD } from '@cp/db/seed'
import t from 'tap'
import { accountIdsByDestinationSql } from '../../src/repositories/accounts-repository.js'
import { buildTestAuth, passwordSignIn } from '../helpers/app.js'
import { freshIp, requestCode, verifyCode } from '../helpers/otp.js'

// Legacy rows keep whatever spelling the legacy application stored. A sign-in to the same number or address must
// find that row (through an index), and refuse clearly when two rows are spellings of one destination.
const { app, prisma, sender } = await buildTestAuth(t)

async function signInByCode(destination: string, typed = destination, headers: Record<string, string> = {}) {
  const ip = freshIp()
  const requested = await requestCode(app, typed, { ip })
  if (requested.statusCode !== 202) throw new Error(`code request failed: ${requested.body}`)
  const code = sender.lastCodeFor(destination)
  if (!code) throw new Error(`no code sent to ${destination}`)
  return verifyCode(app, typed, code, { ip, headers })
}

/** Customers whose phone or e-mail is a spelling of `destination`, counted the slow way (every row, in JS). */
async function accountsFor(destination: string): Promise<number> {
  const rows = await prisma.customer.findMany({ select: { phone: true, email: true } })
  const digits = (phone: string) => phone.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[^0-9]/g, '')
  return rows.filter((row) =>
    destination.includes('@')
      ? row.email?.trim().toLowerCase() === destination
      : row.phone !== null && digits(row.phone).endsWith(destination.slice(-9)),
  ).length
}

// Each legacy spelling, and the normalised destination a user types to reach it.
const spellings: Array<[stored: string, destination: string]> = [
  ['050 000 8777', '+966500008777'],
  ['+966-50-000-8778', '+966500008778'],
  ['٠٥٠٠٠٠٨٧٧٩', '+966500008779'],
  ['(+966) 50 000 8780', '+966500008780'],
  ['00966 50 000 8781', '+966500008781'],
  ['+966 (0)50 000 8782', '+966500008782'],
  ['966500008783', '+966500008783'],
  ['050.000.8784', '+966500008784'],
  ['+966 50 000 8785 ', '+966500008785'],
]

t.test('a one-time code to a formatted legacy phone signs in to that account, without a duplicate', async (t) => {
  for (const [stored, destination] of spellings) {
    const legacy = await prisma.customer.create({ data: { firstName: 'Legacy', lastName: stored, phone: stored } })
    const res = await signInByCode(destination)
    t.equal(res.statusCode, 200, `${stored}: signed in`)
    t.equal(res.json().user.id, legacy.customerId, `${stored}: to the legacy account`)
    t.equal(await accountsFor(destination), 1, `${stored}: no second account`)
  }
})

t.test('a one-time code to a legacy e-mail with blanks or capitals signs in to that account', async (t) => {
  const stored: Array<[string, string]> = [
    [' legacy.spaced@example.com', 'legacy.spaced@example.com'],
    ['legacy.trailing@example.com\t', 'legacy.trailing@example.com'],
    ['\r\n Legacy.Mixed@Example.COM ', 'legacy.mixed@example.com'],
    ['Legacy.Case@Example.com', 'legacy.case@example.com'],
  ]
  for (const [email, destination] of stored) {
    const legacy = await prisma.customer.create({ data: { firstName: 'Legacy', lastName: 'Mail', email } })
    const res = await signInByCode(destination, ` ${destination.toUpperCase()}`)
    t.equal(res.statusCode, 200, `${JSON.stringify(email)}: signed in`)
    t.equal(res.json().user.id, legacy.customerId, `${JSON.stringify(email)}: to the legacy account`)
    t.equal(await accountsFor(destination), 1, `${JSON.stringify(email)}: no second account`)
  }
})

t.test('a password sign-in with the number or address as typed finds the formatted legacy row', async (t) => {
  const { password } = await prisma.customer.findFirstOrThrow({ where: { email: 'active.customer@seed.test' }, select: { password: true } })
  const legacy = await prisma.customer.create({
    data: { firstName: 'Legacy', lastName: 'Password', phone: '+966 50 000 8790', email: ' legacy.password@example.com', password },
  })
  for (const login of ['0500008790', '+966500008790', 'Legacy.Password@example.com']) {
    const res = await passwordSignIn(app, { login, password: SEED_PASSWORD }, { 'x-forwarded-for': freshIp() })
    t.equal(res.statusCode, 200, login)
    t.equal(res.json().user.id, legacy.customerId, login)
  }
})

t.test('two legacy rows for one destination: a clear 409 once the code is proven, no guess, no third account', async (t) => {
  const first = await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'One', phone: '0500008800' } })
  const second = await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'Two', phone: '+966 50 000 8800' } })
  const before = await prisma.customer.count()
  const res = await signInByCode('+966500008800', '0500008800', { 'accept-language': 'en' })
  t.equal(res.statusCode, 409)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.match(res.json(), { code: 'AUTH_ACCOUNT_AMBIGUOUS', status: 409, title: /More than one account/ })
  t.equal(await prisma.customer.count(), before, 'no account created')
  t.equal(await prisma.authSession.count({ where: { customerId: { in: [first.customerId, second.customerId] } } }), 0, 'no session')


  const emailTwin = await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'Mail', email: 'twin@example.com' } })
  await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'Spaced', email: ' twin@example.com' } })
  const byEmail = await signInByCode('twin@example.com', 'twin@example.com', { 'accept-language': 'ar' })
  t.equal(byEmail.statusCode, 409)
  t.equal(byEmail.json().code, 'AUTH_ACCOUNT_AMBIGUOUS')
  t.match(byEmail.json().title, /يستخدم أكثر من حساب/, 'in Arabic too')
  t.equal(await prisma.authSession.count({ where: { customerId: emailTwin.customerId } }), 0)
})

t.test('two legacy rows for one login: 409 only with a right password; a wrong one is the usual 401', async (t) => {
  const { password } = await prisma.customer.findFirstOrThrow({ where: { email: 'active.customer@seed.test' }, select: { password: true } })
  await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'A', phone: '0500008810', password } })
  await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'B', phone: '966-50-000-8810' } })
  const wrong = await passwordSignIn(app, { login: '+966500008810', password: 'not the password' }, { 'x-forwarded-for': freshIp() })
  t.equal(wrong.statusCode, 401)
  t.equal(wrong.json().code, 'AUTH_INVALID_CREDENTIALS')
  const right = await passwordSignIn(app, { login: '+966500008810', password: SEED_PASSWORD }, { 'x-forwarded-for': freshIp() })
  t.equal(right.statusCode, 409)
  t.equal(right.json().code, 'AUTH_ACCOUNT_AMBIGUOUS')
})

t.test('a consultant code is withheld for a destination that several accounts hold', async (t) => {
  await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'C', phone: '0500008820' } })
  await prisma.customer.create({ data: { firstName: 'Twin', lastName: 'D', phone: '+966500008820' } })
  const res = await requestCode(app, '+966500008820', { ip: freshIp(), role: 'consultant' })
  t.equal(res.statusCode, 202, 'the same answer as for anyone')
  t.equal(sender.lastCodeFor('+966500008820'), undefined, 'no code sent')
})

t.test('the lookup uses the indexes on the generated columns (EXPLAIN), among many rows', async (t) => {
  await prisma.customer.createMany({
    data: Array.from({ length: 3000 }, (_, i) => ({
      firstName: 'Bulk',
      lastName: String(i),
      phone: `05${String(10_000_000 + i).slice(1)}`.replace(/(\d{3})(\d{3})/, '$1 $2 '),
      email: ` bulk.${i}@example.com`,
    })),
  })
  await prisma.$executeRawUnsafe('ANALYZE TABLE customers')
  const plans: Array<[string, string]> = [
    ['+966512345678', 'customers_Phone_Lookup_idx'],
    ['bulk.1234@example.com', 'customers_Email_Lookup_idx'],
  ]
  for (const [value, index] of plans) {
    const destination = value.includes('@') ? ({ kind: 'email', value } as const) : ({ kind: 'phone', value } as const)
    const sql = accountIdsByDestinationSql(destination)
    const plan = await prisma.$queryRawUnsafe<Array<{ key: string | null; type: string; rows: bigint | number }>>(
      `EXPLAIN ${sql.sql}`,
      ...sql.values,
    )
    t.equal(plan.length, 1)
    t.equal(plan[0]?.key, index, `${value}: ${index}`)
    t.not(plan[0]?.type, 'ALL', 'no table scan')
    t.ok(Number(plan[0]?.rows) < 20, `${value}: a handful of rows examined, not 3000`)
  }
  t.equal(await prisma.$queryRaw<Array<{ customerId: number }>>(accountIdsByDestinationSql({ kind: 'email', value: 'bulk.1234@example.com' })).then((rows) => rows.length), 1)
})
