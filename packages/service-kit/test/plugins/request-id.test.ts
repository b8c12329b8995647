import t from 'tap'
import { buildTestApp } from '../helpers/test-app.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

t.test('a request without an id gets a fresh uuid, echoed in the header and the problem', async (t) => {
  const app = await buildTestApp(t)
  const first = await app.inject({ method: 'GET', url: '/v1/test/items' })
  const second = await app.inject({ method: 'GET', url: '/v1/test/items' })
  t.match(first.headers['x-request-id'], UUID)
  t.not(first.headers['x-request-id'], second.headers['x-request-id'])

  const problem = await app.inject({ method: 'GET', url: '/v1/test/items/1' })
  t.match(problem.headers['x-request-id'], UUID)
  t.equal(problem.json().requestId, problem.headers['x-request-id'])
})

t.test('a well-formed incoming id is kept, on success, errors and unknown routes', async (t) => {
  const app = await buildTestApp(t)
  const id = 'proxy-7f3a.b_9'
  for (const url of ['/v1/test/items', '/v1/test/boom', '/nowhere']) {
    const res = await app.inject({ method: 'GET', url, headers: { 'x-request-id': id } })
    t.equal(res.headers['x-request-id'], id, url)
  }
  const problem = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': id } })
  t.equal(problem.json().requestId, id)
})

t.test('an incoming id that is not a plain token is replaced', async (t) => {
  const app = await buildTestApp(t)
  for (const bad of ['has space', 'a'.repeat(129), 'line\\nbreak', '<script>', '']) {
    const res = await app.inject({ method: 'GET', url: '/v1/test/items', headers: { 'x-request-id': bad } })
    t.match(res.headers['x-request-id'], UUID, JSON.stringify(bad))
  }
  const longest = 'a'.repeat(128)
  const res = await app.inject({ method: 'GET', url: '/v1/test/items', headers: { 'x-request-id': longest } })
  t.equal(res.headers['x-request-id'], longest)
})
