import t from 'tap'
import * as d from '@cp/domain'
t.test('x', async t => { t.ok(d); t.equal(1, 1) })
