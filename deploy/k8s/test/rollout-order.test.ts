import t from 'tap'
import { describe, type KubeObject, render, targets } from '../src/render.js'

// The two `kubectl apply -l` selectors of the README's rollout (deploy/k8s/README.md, "Rolling out"). kubectl
// selects an object without the label for `!=`, so the split relies on every object carrying a component.
const COMPONENT = 'app.kubernetes.io/component'
const BEFORE_MIGRATION = (object: KubeObject) => object.metadata.labels?.[COMPONENT] !== 'api'
const AFTER_MIGRATION = (object: KubeObject) => object.metadata.labels?.[COMPONENT] !== 'migrate'

t.test(
  'the first apply brings the migrate Job and what it needs, and no service; the second brings the rest',
  async (t) => {
    for (const target of targets()) {
      const objects = await render(target)
      const unlabelled = objects.filter((object) => object.metadata.labels?.[COMPONENT] === undefined).map(describe)
      t.same(unlabelled, [], `${target}: every object names its component`)

      const first = objects.filter(BEFORE_MIGRATION)
      const second = objects.filter(AFTER_MIGRATION)
      t.same(
        first.filter((object) => object.kind === 'Job').map((job) => job.metadata.name),
        ['migrate'],
        `${target}: the Job comes first`,
      )
      t.same(
        first.filter((object) => ['Deployment', 'HorizontalPodAutoscaler'].includes(object.kind)).map(describe),
        [],
        `${target}: no service starts before the migration`,
      )
      t.ok(
        first.some((object) => object.kind === 'NetworkPolicy' && object.metadata.name === 'egress-dns-and-database'),
        `${target}: the Job can reach the database`,
      )
      for (const name of ['common-config', 'migrate-config']) {
        t.ok(
          first.some((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith(`${name}-`)),
          `${target}: ${name} exists for the Job`,
        )
      }
      t.same(
        second.filter((object) => object.kind === 'Job').map(describe),
        [],
        `${target}: the second apply leaves the finished Job alone`,
      )
      t.same(
        objects.filter((object) => !first.includes(object) && !second.includes(object)).map(describe),
        [],
        `${target}: the two applies together cover every object`,
      )
    }
  },
)

t.test('a service without its component label would start before the migration, and is reported', async (t) => {
  const objects = await render('overlays/production')
  const catalog = objects.find((object) => object.kind === 'Deployment' && object.metadata.name === 'catalog')!
  delete catalog.metadata.labels?.[COMPONENT]
  t.same(objects.filter((object) => object.metadata.labels?.[COMPONENT] === undefined).map(describe), [
    'Deployment/consultation/catalog',
  ])
  t.ok(objects.filter(BEFORE_MIGRATION).includes(catalog), 'kubectl -l component!=api would apply it in the first step')
})
