import { generateKeyPairSync } from 'node:crypto'
import t from 'tap'
import { keysFromPem } from '../../src/auth/keys.js'
import { generateTestKey } from '../../src/testing/index.js'

t.test('PEM public keys are named by their RFC 7638 thumbprint, as the auth service names them', async (t) => {
  const a = generateTestKey()
  const b = generateTestKey()
  const keys = keysFromPem(`${a.publicKeyPem}\n${b.publicKeyPem}\n${a.publicKeyPem}`)
  t.same(keys.map((k) => k.kid), [a.kid, b.kid], 'two keys, the repeated one once')
  t.same(keysFromPem(a.publicKeyPem.replace(/\n/g, '\\n')).map((k) => k.kid), [a.kid], 'escaped newlines from an env file')
})

t.test('anything but EC P-256 public keys is refused at start-up', async (t) => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const priv = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  t.throws(() => keysFromPem(rsa), /EC P-256/)
  t.throws(() => keysFromPem(p384), /EC P-256/)
  t.throws(() => keysFromPem(priv), /only PUBLIC KEY blocks, found PRIVATE KEY/, 'a private key is never configured here')
  t.throws(() => keysFromPem('not a pem'), /no PEM block/)
  t.throws(() => keysFromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'), /could not be read/)
})
