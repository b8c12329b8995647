// Prints the median time of a wrong-password verification per kind of stored hash. Not a test: the numbers depend on
// the machine and its load. Run: node --conditions=development --import tsx bench/password-timing.ts
import { createHash } from 'node:crypto'
import bcrypt from 'bcryptjs'
import { hashPassword, LEGACY_BCRYPT_COST, verifyPassword } from '../src/lib/passwords.js'

const RUNS = 21
const stored: Record<string, string | null> = {
  'unknown account': null,
  md5: createHash('md5').update('pw').digest('hex'),
  argon2id: await hashPassword('pw'),
  [`bcrypt cost ${LEGACY_BCRYPT_COST}`]: await bcrypt.hash('pw', LEGACY_BCRYPT_COST),
}
for (const [kind, hash] of Object.entries(stored)) {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await verifyPassword('wrong', hash)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(`${kind}: median ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms`)
}
