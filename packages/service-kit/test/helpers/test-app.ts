import type { AddressInfo } from 'node:net'
import { defineErrors } from '@cp/domain'
import { Type } from '@sinclair/typebox'
import type { Test } from 'tap'
import {
  buildService,
  type BuildServiceOptions,
  loadConfig,
  problemResponsesFor,
  errorFactory,
  ServiceConfigSchema,
  type ServiceApp,
} from '../../src/index.js'

export const TEST_ERRORS = defineErrors({
  TEST_ITEM_NOT_FOUND: { status: 404, title: { en: 'Item not found', ar: 'العنصر غير موجود' } },
})

const problems = problemResponsesFor(TEST_ERRORS)
const testError = errorFactory(TEST_ERRORS)
// A catalog the app does not register: its code compiles but is unknown at run time, the mistake the registry catches.
const unregisteredError = errorFactory(
  defineErrors({ TEST_NOT_IN_ANY_CATALOG: { status: 418, title: { en: 'Not registered', ar: 'غير مسجل' } } }),
)

export const TestConfigSchema = Type.Composite([
  ServiceConfigSchema,
  Type.Object({
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3999 }),
    METRICS_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 0 }),
  }),
])

export function testConfig(env: Record<string, string> = {}) {
  return loadConfig(TestConfigSchema, { NODE_ENV: 'test', ...env })
}

const ItemSchema = Type.Object({ id: Type.Integer(), name: Type.String() })

// TypeBox shapes the services use, so the docs test proves they convert to valid OpenAPI 3.0.3.
const ShapesSchema = Type.Object({
  kind: Type.Literal('consultant'),
  status: Type.Union([Type.Literal('Active'), Type.Literal('Disabled')]),
  photo: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
  names: Type.Record(Type.String(), Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
})

export interface TestAppOptions extends Partial<BuildServiceOptions> {
  env?: Record<string, string>
  /** Resolved by the test to let `GET /v1/test/slow` answer; the route calls `onSlowStarted` first. */
  slowGate?: Promise<void>
  onSlowStarted?: () => void
}

/** A small service exercising every part of the kit, closed when the test ends. */
export async function buildTestApp(t: Test, options: TestAppOptions = {}): Promise<ServiceApp> {
  const { env, slowGate, onSlowStarted, ...overrides } = options
  const app = await buildService({
    name: 'test',
    version: '1.2.3',
    description: 'Service kit test app',
    config: testConfig(env),
    logger: false,
    errors: TEST_ERRORS,
    routesPrefix: '/v1/test',
    routes: async (routes) => {
      routes.get(
        '/items',
        {
          schema: {
            tags: ['items'],
            querystring: Type.Object(
              { page: Type.Integer({ minimum: 1, default: 1 }), size: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
              { additionalProperties: false },
            ),
            response: { 200: Type.Object({ page: Type.Integer(), items: Type.Array(ItemSchema) }), ...problems() },
          },
        },
        async (request) => ({ page: request.query.page, items: [] }),
      )
      routes.post(
        '/items',
        {
          schema: {
            tags: ['items'],
            body: Type.Object({ name: Type.String({ minLength: 1 }), count: Type.Integer() }, { additionalProperties: false }),
            response: { 201: ItemSchema, ...problems(413, 415) },
          },
        },
        async (request, reply) => reply.code(201).send({ id: 1, name: request.body.name }),
      )
      routes.get(
        '/items/:id',
        {
          schema: {
            tags: ['items'],
            params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
            response: { 200: ItemSchema, ...problems('TEST_ITEM_NOT_FOUND') },
          },
        },
        async (request) => {
          throw testError('TEST_ITEM_NOT_FOUND', {
            detail: { en: 'There is no item {id}', ar: 'لا يوجد عنصر برقم {id}' },
            params: { id: request.params.id },
          })
        },
      )
      routes.get(
        '/shapes',
        {
          schema: {
            tags: ['shapes'],
            querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('Active'), Type.Literal('Disabled')])) }),
            response: { 200: ShapesSchema, ...problems() },
          },
        },
        async () => ({
          kind: 'consultant' as const,
          status: 'Active' as const,
          photo: null,
          names: { en: 'A' },
          updatedAt: new Date(0).toISOString(),
        }),
      )
      routes.get('/boom', { schema: { hide: true } }, async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:3306 user=root')
      })
      routes.get('/unknown-code', { schema: { hide: true } }, async () => {
        throw unregisteredError('TEST_NOT_IN_ANY_CATALOG')
      })
      routes.get('/log-probe', { schema: { hide: true } }, async (request) => {
        const log = request.log as typeof request.log & { isLevelEnabled(level: string): boolean; bindings(): object }
        return { warn: log.isLevelEnabled('warn'), info: log.isLevelEnabled('info'), bindings: log.bindings() }
      })
      routes.post('/log', { schema: { hide: true } }, async (request) => {
        request.log.info({ headers: request.headers, body: request.body }, 'application logged the request')
        return { ok: true }
      })
      routes.get('/slow', { schema: { hide: true } }, async () => {
        onSlowStarted?.()
        await slowGate
        return { done: true }
      })
    },
    ...overrides,
  })
  t.teardown(() => app.close())
  return app
}

/**
 * The test app listening on a free loopback port, with `GET /v1/test/slow` held until `release()`;
 * `slowStarted` settles once a slow request reached its handler.
 */
export async function listenGated(t: Test) {
  let release: () => void = () => {}
  let started: () => void = () => {}
  const slowStarted = new Promise<void>((resolve) => (started = resolve))
  const app = await buildTestApp(t, {
    slowGate: new Promise<void>((resolve) => (release = resolve)),
    onSlowStarted: () => started(),
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { app, port, release: () => release(), slowStarted }
}
