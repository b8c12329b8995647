import t from 'tap'
import { createHash, createPrivateKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { generateDevKeyPem, jwkThumbprint, KeyConfigError, loadKeySet, splitPemBlocks } from '../../src/lib/keys.js'

// A throw-away key made for this test only (openssl ecparam -name prime256v1 -genkey). Its thumbprint was computed
// outside Node: the x and y coordinates were cut from `openssl ec -pubout -outform DER`, base64url-encoded, placed in
// {"crv":"P-256","kty":"EC","x":...,"y":...} and hashed with `openssl dgst -sha256`.
const FIXTURE_PKCS8 = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6GOyAJcSOwUUoxju
eILV9ZHqKTRVqnMvZX+7be/cAS6hRANCAAQhzgvsQCwH06i3HZgEQ4G9Nfkl/2LO
/7tIchh8vR8Mu7ZiSbuMoE72ey+Xb4sRTVgNjuAv7DZRDunXI/PjFrTh
-----END PRIVATE KEY-----`
const FIXTURE_SEC1 = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIOhjsgCXEjsFFKMY7niC1fWR6ik0VapzL2V/u23v3AEuoAoGCCqGSM49
AwEHoUQDQgAEIc4L7EAsB9Ootx2YBEOBvTX5Jf9izv+7SHIYfL0fDLu2Ykm7jKBO
9nsvl2+LEU1YDY7gL+w2UQ7p1yPz4xa04Q==
-----END EC PRIVATE KEY-----`
const FIXTURE_PUBLIC = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEIc4L7EAsB9Ootx2YBEOBvTX5Jf9i
zv+7SHIYfL0fDLu2Ykm7jKBO9nsvl2+LEU1YDY7gL+w2UQ7p1yPz4xa04Q==
-----END PUBLIC KEY-----`
const FIXTURE_KID = 't4HT6C3DgAP8wr9WemoXZM8VU4q9W8ClRbc8-B50kBM'
const FIXTURE_X = 'Ic4L7EAsB9Ootx2YBEOBvTX5Jf9izv-7SHIYfL0fDLs'
const FIXTURE_Y = 'tmJJu4ygTvZ7L5dvixFNWA2O4C_sNlEO6dcj8-MWtOE'

t.test('the kid is the RFC 7638 thumbprint computed outside Node', async (t) => {
  for (const pem of [FIXTURE_PKCS8, FIXTURE_SEC1]) {
    const keys = loadKeySet({ signingKeyPem: pem })
    t.equal(keys.active.kid, FIXTURE_KID)
    t.equal(keys.active.jwk.x, FIXTURE_X)
    t.equal(keys.active.jwk.y, FIXTURE_Y)
  }
  const shuffled = { kty: 'EC', y: FIXTURE_Y, x: FIXTURE_X, crv: 'P-256' }
  t.equal(jwkThumbprint(shuffled), FIXTURE_KID, 'member order of the input is irrelevant')
})

t.test('the kid matches the RFC 7638 method applied to Node\'s own JWK export', async (t) => {
  const pem = generateDevKeyPem()
  const exported = createPrivateKey(pem).export({ format: 'jwk' })
  // RFC 7638 §3: keep only the required members, order them lexicographically, serialise without whitespace.
  const required = ['crv', 'kty', 'x', 'y'] as const
  const canonical = `{${required.map((name) => `${JSON.stringify(name)}:${JSON.stringify(exported[name])}`).join(',')}}`
  const expected = createHash('sha256').update(canonical).digest('base64url')
  t.equal(loadKeySet({ signingKeyPem: pem }).active.kid, expected)
})

t.test('the JWKS publishes public members only', async (t) => {
  const keys = loadKeySet({ signingKeyPem: FIXTURE_PKCS8 })
  const jwks = keys.toJwks()
  t.same(jwks, {
    keys: [{ kty: 'EC', crv: 'P-256', x: FIXTURE_X, y: FIXTURE_Y, kid: FIXTURE_KID, alg: 'ES256', use: 'sig' }],
  })
  const privateScalar = createPrivateKey(FIXTURE_PKCS8).export({ format: 'jwk' }).d
  t.type(privateScalar, 'string')
  const text = JSON.stringify(jwks)
  t.notOk(text.includes('"d"'), 'no d member')
  t.notOk(text.includes(privateScalar as string), 'the private scalar appears nowhere')
  jwks.keys[0]!.kid = 'changed'
  t.equal(keys.toJwks().keys[0]!.kid, FIXTURE_KID, 'callers get copies')
})

t.test('the signing key and its published public key are a pair', async (t) => {
  const keys = loadKeySet({ signingKeyPem: FIXTURE_SEC1 })
  t.match(keys.active.privateKeyPem, /^-----BEGIN PRIVATE KEY-----/, 'normalised to PKCS#8 for the signer')
  const signature = sign('sha256', Buffer.from('message'), keys.active.privateKeyPem)
  t.equal(verify('sha256', Buffer.from('message'), keys.active.publicKeyPem, signature), true)
  t.equal(keys.active.publicKeyPem.trim(), FIXTURE_PUBLIC)
})

t.test('additional keys are published but never sign', async (t) => {
  const next = generateDevKeyPem()
  const nextKid = loadKeySet({ signingKeyPem: next }).active.kid
  const keys = loadKeySet({
    signingKeyPem: generateDevKeyPem(),
    // A private key (the next one) and a public key (the previous one), concatenated as one variable would hold them.
    additionalKeysPem: `${next}\n${FIXTURE_PUBLIC}\n`,
  })
  t.not(keys.active.kid, nextKid)
  t.same(keys.verificationKeys.map((key) => key.kid), [keys.active.kid, nextKid, FIXTURE_KID], 'active first')
  t.same(keys.toJwks().keys.map((key) => key.kid), [keys.active.kid, nextKid, FIXTURE_KID])
  t.notOk(JSON.stringify(keys.toJwks()).includes('"d"'), 'a private additional key is published as public only')
  t.equal(keys.findVerificationKey(FIXTURE_KID)?.publicKeyPem.trim(), FIXTURE_PUBLIC)
  t.equal(keys.findVerificationKey('unknown'), undefined)
})

t.test('each kid is published once', async (t) => {
  const keys = loadKeySet({
    signingKeyPem: FIXTURE_PKCS8,
    additionalKeysPem: [FIXTURE_PUBLIC, FIXTURE_SEC1, FIXTURE_PUBLIC].join('\n'),
  })
  t.same(keys.toJwks().keys.map((key) => key.kid), [FIXTURE_KID])
})

t.test('PEM from environment variables with escaped newlines', async (t) => {
  const escaped = FIXTURE_PKCS8.replace(/\n/g, '\\n')
  t.equal(loadKeySet({ signingKeyPem: escaped }).active.kid, FIXTURE_KID)
  const blocks = splitPemBlocks(`junk ${escaped} more junk ${FIXTURE_PUBLIC}`)
  t.same(blocks.map((block) => block.label), ['PRIVATE KEY', 'PUBLIC KEY'])
  t.same(splitPemBlocks('no keys here'), [])
})

t.test('anything but one readable P-256 key is a configuration error', async (t) => {
  const pkcs8 = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
    key.export({ type: 'pkcs8', format: 'pem' }).toString()
  const rsa = pkcs8(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)
  const p384 = pkcs8(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey)
  const ed25519 = pkcs8(generateKeyPairSync('ed25519').privateKey)
  const encrypted = createPrivateKey(FIXTURE_PKCS8)
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
    .toString()
  const cases: Record<string, string> = {
    rsa,
    p384,
    ed25519,
    encrypted,
    empty: '',
    garbage: 'not a key',
    'public key as signing key': FIXTURE_PUBLIC,
    'two signing keys': `${FIXTURE_PKCS8}\n${generateDevKeyPem()}`,
    truncated: FIXTURE_PKCS8.replace('eILV9ZHq', ''),
  }
  for (const [name, signingKeyPem] of Object.entries(cases)) {
    t.throws(() => loadKeySet({ signingKeyPem }), KeyConfigError, name)
  }
  const rsaPublic = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' })
  t.throws(() => loadKeySet({ signingKeyPem: FIXTURE_PKCS8, additionalKeysPem: rsaPublic.toString() }), KeyConfigError)
  t.throws(() => loadKeySet({ signingKeyPem: FIXTURE_PKCS8, additionalKeysPem: p384 }), KeyConfigError)
  t.throws(
    () => loadKeySet({ signingKeyPem: FIXTURE_PKCS8, additionalKeysPem: FIXTURE_PUBLIC.replace('MFkw', 'MFkx') }),
    KeyConfigError,
  )
})

t.test('development keys are fresh P-256 keys', async (t) => {
  const a = generateDevKeyPem()
  const b = generateDevKeyPem()
  t.match(a, /^-----BEGIN PRIVATE KEY-----\n/)
  t.not(loadKeySet({ signingKeyPem: a }).active.kid, loadKeySet({ signingKeyPem: b }).active.kid)
})
