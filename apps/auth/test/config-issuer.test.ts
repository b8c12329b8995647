import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { loadAuthConfig } from '../src/config.js'
import { generateDevKeyPem } from '../src/lib/keys.js'
import { TEST_PEPPER } from './helpers/app.js'

const production = {
  NODE_ENV: 'production',
  AUTH_SIGNING_KEY: generateDevKeyPem(),
  AUTH_OTP_PEPPER: TEST_PEPPER,
  AUTH_CODE_SENDER: 'webhook',
  AUTH_WEBHOOK_URL: 'https://relay.example.test/codes',
  AUTH_WEBHOOK_SECRET: 'w'.repeat(32),
} as const

t.test('production refuses to start without an explicit AUTH_ISSUER, naming it', async (t) => {
  t.throws(() => loadAuthConfig(production), /AUTH_ISSUER: is required in production/)
  t.throws(() => loadAuthConfig({ ...production, AUTH_ISSUER: '  ' }), /AUTH_ISSUER/)
  t.equal(loadAuthConfig({ ...production, AUTH_ISSUER: 'https://auth.example.test' }).AUTH_ISSUER, 'https://auth.example.test')
})

t.test('outside production the local default still applies', async (t) => {
  t.equal(loadAuthConfig({ NODE_ENV: 'test', AUTH_OTP_PEPPER: TEST_PEPPER, AUTH_SIGNING_KEY: production.AUTH_SIGNING_KEY }).AUTH_ISSUER, 'http://localhost:3001')
  t.equal(loadAuthConfig({ NODE_ENV: 'development' }).AUTH_ISSUER, 'http://localhost:3001')
})

t.test('the server process exits at start-up, naming AUTH_ISSUER and nothing else', async (t) => {
  const server = fileURLToPath(new URL('../src/server.ts', import.meta.url))
  // Only what Node needs from the parent: an AUTH_ISSUER set in the developer's shell must not hide the check.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...production }
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', server], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)))
  clearTimeout(killer)
  t.not(code, 0, 'non-zero exit')
  t.not(code, null, 'exited by itself, not killed')
  t.match(output, /AUTH_ISSUER: is required in production/)
  t.notMatch(output, /AUTH_SIGNING_KEY|AUTH_OTP_PEPPER|AUTH_WEBHOOK/, 'the other variables are fine')
  t.notMatch(output, new RegExp(TEST_PEPPER), 'no secret in the message')
})
