#!/usr/bin/env node
// Writes the `images:` list of base/kustomization.yaml from the packages' versions, so an image tag is always the
// version of the code it was built from: `node scripts/sync-image-tags.mjs` (or `--check`, which only compares and
// exits 1 on a difference). The migrate image is built from prisma/ and @cp/db, which has the package.json.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isSeq, parseDocument } from 'yaml'

const here = dirname(fileURLToPath(import.meta.url))
export const K8S_ROOT = join(here, '..')
export const REPO_ROOT = join(K8S_ROOT, '..', '..')
export const BASE_KUSTOMIZATION = join(K8S_ROOT, 'base', 'kustomization.yaml')

/** Image name → the package.json its tag comes from (relative to the repository root). */
export const IMAGE_SOURCES = {
  'consultation/auth': 'apps/auth/package.json',
  'consultation/consultants': 'apps/consultants/package.json',
  'consultation/catalog': 'apps/catalog/package.json',
  'consultation/migrate': 'packages/db/package.json',
}

/**
 * The tag each image must have.
 * @param {string} repoRoot
 * @returns {Record<string, string>}
 */
export function expectedTags(repoRoot = REPO_ROOT) {
  /** @type {Record<string, string>} */
  const tags = {}
  for (const [image, file] of Object.entries(IMAGE_SOURCES)) {
    const version = JSON.parse(readFileSync(join(repoRoot, file), 'utf8')).version
    if (typeof version !== 'string' || version === '') throw new Error(`${file} has no version`)
    tags[image] = version
  }
  return tags
}

/**
 * The `images:` entries of a kustomization as written.
 * @param {string} text
 * @returns {Record<string, string | undefined>}
 */
export function writtenTags(text) {
  const images = parseDocument(text).toJS()?.images ?? []
  /** @type {Record<string, string | undefined>} */
  const tags = {}
  for (const entry of images) tags[entry.name] = entry.newTag
  return tags
}

/**
 * The differences between what a kustomization says and what the packages say, one line each.
 * @param {string} text
 * @param {Record<string, string>} expected
 * @returns {string[]}
 */
export function tagDifferences(text, expected) {
  const written = writtenTags(text)
  const names = new Set([...Object.keys(expected), ...Object.keys(written)])
  return [...names]
    .filter((name) => written[name] !== expected[name])
    .map(
      (name) =>
        `${name}: kustomization has ${written[name] ?? 'no entry'}, package.json says ${expected[name] ?? 'no image'}`,
    )
}

/**
 * The kustomization text with its `images:` list replaced; comments and everything else are kept.
 * @param {string} text
 * @param {Record<string, string>} expected
 * @returns {string}
 */
export function withTags(text, expected) {
  const doc = parseDocument(text)
  const images = doc.get('images', true)
  const entries = Object.entries(expected).map(([name, newTag]) => ({ name, newTag }))
  if (isSeq(images)) {
    images.items = entries.map((entry) => doc.createNode(entry))
  } else {
    doc.set('images', doc.createNode(entries))
  }
  const result = doc.toString()
  if (!isMap(parseDocument(result).contents)) throw new Error('kustomization did not stay a map')
  return result
}

function main() {
  const text = readFileSync(BASE_KUSTOMIZATION, 'utf8')
  const expected = expectedTags()
  const differences = tagDifferences(text, expected)
  if (process.argv.includes('--check')) {
    for (const line of differences) console.error(line)
    process.exit(differences.length === 0 ? 0 : 1)
  }
  if (differences.length === 0) {
    console.log('image tags already match the package versions')
    return
  }
  writeFileSync(BASE_KUSTOMIZATION, withTags(text, expected))
  for (const line of differences) console.log(`updated ${line}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
