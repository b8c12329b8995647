// Prints the median time of a wrong-password verification per kind of stored hash (not a test: numbers vary by machine).
// Run: node --conditions=development --import tsx bench/password-timing.ts
import bcrypt from 'bcryptjs'
import { createHash } from 'node:crypto'
import { hashPassword, verifyPassword } from '../src/lib/passwords.js'
const cases: Record<string, string | null> = {
  unknown: null,
  md5: createHash('md5').update('pw').digest('hex'),
  argon2id: await hashPassword('pw'),
  bcrypt10: await bcrypt.hash('pw', 10),
}
for (const [name, stored] of Object.entries(cases)) {
  const times: number[] = []
  for (let i = 0; i < 21; i++) { const s = performance.now(); await verifyPassword('wrong', stored); times.push(performance.now() - s) }
  times.sort((a, b) => a - b)
  console.log(name, 'median ms', times[10]!.toFixed(1))
}
