import t from 'tap'
import { selects } from '../src/selectors.js'

t.test('label selectors follow the API rules', async (t) => {
  const labels = { app: 'auth', tier: 'api' }
  t.ok(selects({}, labels), 'an empty selector selects everything')
  t.ok(selects({ matchLabels: { app: 'auth' } }, labels))
  t.notOk(selects({ matchLabels: { app: 'auth', tier: 'web' } }, labels), 'every matchLabels entry must hold')
  t.ok(selects({ matchExpressions: [{ key: 'app', operator: 'In', values: ['auth', 'catalog'] }] }, labels))
  t.notOk(selects({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['auth'] }] }, labels))
  t.ok(selects({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, labels), 'NotIn holds for an absent label')
  t.ok(selects({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels))
  t.notOk(selects({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels))
  t.ok(selects({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels))
  t.notOk(selects({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels))
  t.notOk(selects({ matchLabels: { app: 'auth' } }, undefined), 'an object without labels matches only the empty selector')
})
