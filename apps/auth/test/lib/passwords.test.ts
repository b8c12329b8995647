import t from 'tap'
import { createHash } from 'node:crypto'
import { type Algorithm, hash as argon2Hash } from '@node-rs/argon2'
import bcrypt from 'bcryptjs'
import {
  ARGON2_PARAMS,
  createPasswordVerifier,
  defaultHashVerifiers,
  DUMMY_ARGON2ID_HASH,
  DUMMY_BCRYPT_HASH,
  type HashVerifiers,
  LEGACY_BCRYPT_COST,
  hashPassword,
  identifyPasswordHash,
  isPasswordTooLong,
  MAX_PASSWORD_BYTES,
  needsRehash,
  PasswordTooLongError,
  verifyPassword,
} from '../../src/lib/passwords.js'

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')

t.test('legacy bcrypt hashes in all three prefixes verify', async (t) => {
  const password = 'correct horse ١٢٣ battery'
  // Cost 4 keeps the test quick; the cost is read from the hash like any other.
  const b = await bcrypt.hash(password, 4)
  t.match(b, /^\$2b\$04\$/)
  const variants = { b, a: b.replace('$2b$', '$2a$'), y: b.replace('$2b$', '$2y$') }
  for (const [prefix, hash] of Object.entries(variants)) {
    t.equal(identifyPasswordHash(hash), 'bcrypt', `$2${prefix}$ is bcrypt`)
    t.equal(await verifyPassword(password, hash), true, `$2${prefix}$ right password`)
    t.equal(await verifyPassword(`${password}x`, hash), false, `$2${prefix}$ wrong password`)
    t.equal(needsRehash(hash), true, `$2${prefix}$ is upgraded after sign-in`)
  }
})

t.test('bcrypt hashes made by PHP and OpenBSD verify (vectors not produced by bcryptjs)', async (t) => {
  // From the PHP manual's password_verify and password_hash pages.
  t.equal(await verifyPassword('rasmuslerdorf', '$2y$07$BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq'), true)
  t.equal(await verifyPassword('rasmuslerdorf', '$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a'), true)
  t.equal(await verifyPassword('Rasmuslerdorf', '$2y$07$BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq'), false)
  // From the crypt_blowfish test vectors.
  t.equal(await verifyPassword('U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'), true)
})

t.test('legacy unsalted MD5 hashes verify', async (t) => {
  const known = '5f4dcc3b5aa765d61d8327deb882cf99' // md5('password'), a widely published value
  t.equal(identifyPasswordHash(known), 'md5')
  t.equal(await verifyPassword('password', known), true)
  t.equal(await verifyPassword('password', known.toUpperCase()), true, 'upper-case hex from some legacy writers')
  t.equal(await verifyPassword('Password', known), false)
  t.equal(await verifyPassword('كلمة المرور', md5('كلمة المرور')), true, 'UTF-8 bytes, as PHP md5() saw them')
  t.equal(needsRehash(known), true)
})

t.test('argon2id round trip at our parameters', async (t) => {
  const stored = await hashPassword('s3cret pass')
  t.match(stored, /^\$argon2id\$v=19\$/)
  t.match(stored, /m=19456/)
  t.match(stored, /t=2/)
  t.match(stored, /p=1/)
  t.equal(identifyPasswordHash(stored), 'argon2id')
  t.equal(await verifyPassword('s3cret pass', stored), true)
  t.equal(await verifyPassword('s3cret pasS', stored), false)
  t.equal(needsRehash(stored), false)
  t.not(await hashPassword('s3cret pass'), stored, 'a fresh salt every time')
})

t.test('hashes stored by the node-argon2 library we used before still verify and count as current', async (t) => {
  // Made with `argon2` 0.45 (node-argon2) at ARGON2_PARAMS: its PHC string orders the parameters m, p, t.
  const stored = '$argon2id$v=19$m=19456,p=1,t=2$9zdIdpfEP3dgl3ppduj4hw$7Hp46P7E8kAxzQNWjlmhOV6iJ339UWPKJDda2t2eh18'
  t.equal(await verifyPassword('Passw0rd!legacy', stored), true)
  t.equal(await verifyPassword('Passw0rd!legacY', stored), false)
  t.equal(needsRehash(stored), false, 'same parameters, whatever their order')
  t.equal(needsRehash(stored.replace('t=2', 't=3')), true)
  t.equal(needsRehash(stored.replace('v=19', 'v=16')), true)
  t.equal(needsRehash(stored.replace('p=1,', 'p=1,p=1,')), true)
})

t.test('argon2 at other parameters or of another type is upgraded or refused', async (t) => {
  const stronger = await argon2Hash('pw', { ...ARGON2_PARAMS, timeCost: 3 })
  t.equal(await verifyPassword('pw', stronger), true)
  t.equal(needsRehash(stronger), true, 'only exactly our parameters count as current')
  const argon2i = await argon2Hash('pw', { ...ARGON2_PARAMS, algorithm: 1 as Algorithm.Argon2i })
  t.equal(identifyPasswordHash(argon2i), 'unknown')
  t.equal(await verifyPassword('pw', argon2i), false, 'we never wrote argon2i, so it is not trusted')
  t.equal(needsRehash(argon2i), true)
})

t.test('malformed or missing stored hashes are a mismatch and never throw', async (t) => {
  const bad = [
    null,
    undefined,
    '',
    '   ',
    'plaintext',
    '$2y$10$short',
    '$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
    '$2y$31$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
    '5f4dcc3b5aa765d61d8327deb882cf9',
    '5f4dcc3b5aa765d61d8327deb882cf9g',
    '$argon2id$v=19$m=19456,p=1,t=2$garbage',
    '$argon2id$',
    // Well-formed, but parameters the library refuses to run with.
    `$argon2id$v=19$m=1,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$${'A'.repeat(43)}`,
  ]
  for (const stored of bad) {
    t.equal(await verifyPassword('password', stored), false, JSON.stringify(stored))
    t.equal(needsRehash(stored), true, `${JSON.stringify(stored)} needs a new hash`)
  }
})

t.test('legacy columns padded with spaces still verify', async (t) => {
  t.equal(await verifyPassword('password', ' 5f4dcc3b5aa765d61d8327deb882cf99  '), true)
  const stored = await hashPassword('pw')
  t.equal(await verifyPassword('pw', `${stored} `), true)
  t.equal(needsRehash(`${stored} `), false)
})

t.test('an empty password never signs in', async (t) => {
  t.equal(await verifyPassword('', md5('')), false, 'even against the MD5 of the empty string')
  t.equal(await verifyPassword('', await bcrypt.hash('', 4)), false)
})

t.test('passwords over 1024 UTF-8 bytes are refused before hashing', async (t) => {
  t.equal(MAX_PASSWORD_BYTES, 1024)
  t.equal(isPasswordTooLong('a'.repeat(1024)), false)
  t.equal(isPasswordTooLong('a'.repeat(1025)), true)
  t.equal(isPasswordTooLong('é'.repeat(512)), false, '1024 bytes in 512 characters')
  t.equal(isPasswordTooLong('é'.repeat(513)), true, '1026 bytes in 513 characters')
  t.equal(isPasswordTooLong('😀'.repeat(257)), true, '1028 bytes in 514 UTF-16 units')
  const megabyte = 'a'.repeat(1024 * 1024)
  await t.rejects(hashPassword(megabyte), PasswordTooLongError)
  await t.rejects(hashPassword('é'.repeat(513)), PasswordTooLongError)
  t.equal(await verifyPassword(megabyte, md5(megabyte)), false, 'refused even where it would match')
  const longest = 'a'.repeat(1024)
  t.equal(await verifyPassword(longest, await hashPassword(longest)), true, 'exactly 1024 bytes is allowed')
})

t.test('the dummy verification works at our parameters and never succeeds', async (t) => {
  t.equal(needsRehash(DUMMY_ARGON2ID_HASH), false, 'the dummy costs what a current argon2id hash costs')
  t.equal(await verifyPassword('not the password', DUMMY_ARGON2ID_HASH), false)
  t.equal(bcrypt.getRounds(DUMMY_BCRYPT_HASH), LEGACY_BCRYPT_COST, 'the bcrypt dummy costs what a legacy hash costs')
  t.equal(await verifyPassword('not the password', DUMMY_BCRYPT_HASH), false)
})

t.test('every verification runs one argon2id and one legacy-cost bcrypt, whatever is stored', async (t) => {
  // Timing is not measured (a loaded machine makes that flaky); the work is: the same two slow hashes on every
  // path means no path answers faster or slower because of what the account holds (bench/password-timing.ts
  // prints the medians).
  const argon2Hash = await hashPassword('pw')
  const bcryptHash = await bcrypt.hash('pw', LEGACY_BCRYPT_COST)
  const stored: Record<string, string | null> = {
    'unknown account': null,
    'no password': '',
    'unrecognised hash': 'plaintext',
    md5: md5('pw'),
    argon2id: argon2Hash,
    bcrypt: bcryptHash,
  }
  for (const [name, hash] of Object.entries(stored)) {
    for (const plain of ['pw', 'wrong']) {
      const calls: string[] = []
      const spy: HashVerifiers = {
        async argon2(h, p) {
          calls.push(`argon2 m=${needsRehash(h) ? 'other' : 'ours'}`)
          return defaultHashVerifiers.argon2(h, p)
        },
        async bcrypt(h, p) {
          calls.push(`bcrypt cost=${bcrypt.getRounds(h)}`)
          return defaultHashVerifiers.bcrypt(h, p)
        },
      }
      const matches = await createPasswordVerifier(spy)(plain, hash)
      t.same(calls.sort(), ['argon2 m=ours', `bcrypt cost=${LEGACY_BCRYPT_COST}`], `${name}, ${plain}: same work`)
      const signsIn = plain === 'pw' && ['md5', 'argon2id', 'bcrypt'].includes(name)
      t.equal(matches, signsIn, `${name}, ${plain}: ${signsIn ? 'matches' : 'mismatch'}`)
    }
  }
})
