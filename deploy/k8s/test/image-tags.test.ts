import { readFileSync } from 'node:fs'
import t from 'tap'
import { podTemplates } from '../src/workloads.js'
import { render, targets } from '../src/render.js'
import { BASE_KUSTOMIZATION, expectedTags, tagDifferences, withTags } from '../scripts/sync-image-tags.mjs'

const expected: Record<string, string> = expectedTags()

t.test('the base kustomization tags each image with its package.json version', async (t) => {
  t.same(Object.keys(expected).sort(), [
    'consultation/auth',
    'consultation/catalog',
    'consultation/consultants',
    'consultation/migrate',
  ])
  t.same(
    tagDifferences(readFileSync(BASE_KUSTOMIZATION, 'utf8'), expected),
    [],
    'run `pnpm --filter @cp/k8s sync-image-tags` after a version bump',
  )
})

t.test('every rendered container runs its image at that version, whatever registry an overlay adds', async (t) => {
  for (const target of targets()) {
    for (const pod of podTemplates(await render(target))) {
      for (const container of pod.template.spec?.containers ?? []) {
        const match = /^(?:.+\/)?(consultation\/[a-z-]+):([^:@/]+)$/.exec(container.image ?? '')
        t.ok(match, `${target}: ${pod.name} image ${container.image} is name:tag`)
        t.equal(
          match?.[2],
          expected[match?.[1] ?? ''],
          `${target}: ${pod.name} runs ${match?.[1]} at its package version`,
        )
      }
    }
  }
})

t.test('the sync script finds a stale tag and rewrites only the images list', async (t) => {
  const current = readFileSync(BASE_KUSTOMIZATION, 'utf8')
  const stale = current.replace(/(name: consultation\/catalog\n\s+newTag: )\S+/, '$10.0.1')
  t.not(stale, current)
  t.same(tagDifferences(stale, expected), [
    `consultation/catalog: kustomization has 0.0.1, package.json says ${expected['consultation/catalog']}`,
  ])
  t.equal(withTags(stale, expected), current, 'comments and every other line are kept')

  const missing = current.replace(/ {2}- name: consultation\/migrate\n\s+newTag: \S+\n/, '')
  t.match(tagDifferences(missing, expected), [/consultation\/migrate: kustomization has no entry/])
  t.same(tagDifferences(withTags(missing, expected), expected), [])
})
