// Trims a `pnpm deploy --prod` bundle to what its code can load. Used by the Dockerfiles' build stages.
//
//   node scripts/docker/prune-deploy.mjs <bundle> [--expose <package>]... [--prisma-provider <provider>]
//
// Why: `@prisma/client` declares `prisma` (the CLI) and `typescript` as optional peer dependencies. pnpm links an
// optional peer whenever the workspace has it (here as a dev dependency of @cp/db), so the production bundle of every
// service carried the Prisma CLI, Prisma Studio, TypeScript, effect and PGlite (about 250 MB) although no service
// process ever imports them. This script keeps the packages reachable from the bundle's top-level node_modules
// through `dependencies`, `optionalDependencies` and non-optional peers, and deletes the rest of node_modules/.pnpm.
//
// --expose <package>      links a package that the bundle only holds as a peer at node_modules/<package> first, so
//                         it becomes a root (the migrate image exposes the `prisma` CLI this way; no new download,
//                         the version is the lockfile's).
// --prisma-provider <p>   deletes @prisma/client's query compilers of other databases (the generated client imports
//                         only its datasource's, e.g. query_compiler_fast_bg.mysql.*): about 45 MB.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { expose: { type: 'string', multiple: true, default: [] }, 'prisma-provider': { type: 'string' } },
})
if (positionals.length !== 1) {
  console.error('usage: prune-deploy.mjs <bundle> [--expose <package>]... [--prisma-provider <provider>]')
  process.exit(2)
}
const bundle = realpathSync(positionals[0])
const modules = join(bundle, 'node_modules')
const store = join(modules, '.pnpm')
if (!existsSync(store)) fail(`${store} does not exist: not a pnpm deploy bundle`)

const sizeBefore = diskUsage(modules)
for (const name of values.expose) expose(name)
const kept = reachableStoreEntries()
let removed = 0
for (const entry of readdirSync(store)) {
  if (entry === 'node_modules' || entry.startsWith('.') || kept.has(entry)) continue
  rmSync(join(store, entry), { recursive: true, force: true })
  removed++
}
// pnpm hoists every package into .pnpm/node_modules and links bins; drop the links we just orphaned.
removeDanglingLinks(join(store, 'node_modules'))
removeDanglingLinks(join(modules, '.bin'))
if (values['prisma-provider']) pruneQueryCompilers(values['prisma-provider'])

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`
console.log(
  `prune-deploy: kept ${kept.size} packages, removed ${removed}; node_modules ${mb(sizeBefore)} -> ${mb(diskUsage(modules))}`,
)

function fail(message) {
  console.error(`prune-deploy: ${message}`)
  process.exit(1)
}

function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
}

/** Node's lookup: <dir>/node_modules/<name>, then the same from each ancestor that is not itself a node_modules. */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name)
      if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    }
    if (dir === bundle || dirname(dir) === dir) return undefined
  }
}

/** Top-level names in node_modules, scoped ones as `@scope/name`. */
function topLevelNames() {
  const names = []
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue
    if (entry.startsWith('@')) for (const sub of readdirSync(join(modules, entry))) names.push(`${entry}/${sub}`)
    else names.push(entry)
  }
  return names
}

function expose(name) {
  const link = join(modules, name)
  if (existsSync(link)) return
  const encoded = name.replace('/', '+')
  const matches = readdirSync(store)
    .filter((entry) => entry.startsWith(`${encoded}@`))
    .map((entry) => join(store, entry, 'node_modules', name))
    .filter((dir) => existsSync(join(dir, 'package.json')) && readManifest(dir).name === name)
  if (matches.length !== 1) fail(`--expose ${name}: found ${matches.length} installed copies, expected exactly one`)
  mkdirSync(dirname(link), { recursive: true })
  symlinkSync(relative(dirname(link), matches[0]), link)
  console.log(`prune-deploy: exposed ${name} at node_modules/${name}`)
}

/** The .pnpm entries (first path segment under node_modules/.pnpm) of every package the roots can load. */
function reachableStoreEntries() {
  const seen = new Set()
  const queue = []
  for (const name of topLevelNames()) {
    const dir = resolvePackage(name, bundle)
    if (dir) queue.push(dir)
  }
  while (queue.length > 0) {
    const dir = queue.pop()
    if (seen.has(dir)) continue
    seen.add(dir)
    const manifest = readManifest(dir)
    const optionalPeers = manifest.peerDependenciesMeta ?? {}
    const wanted = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional),
    ]
    for (const name of wanted) {
      const resolved = resolvePackage(name, dir)
      if (resolved) queue.push(resolved)
      else if (!(name in (manifest.optionalDependencies ?? {}))) {
        console.warn(`prune-deploy: ${manifest.name} needs ${name}, which the bundle does not have`)
      }
    }
  }
  const entries = new Set()
  for (const dir of seen) {
    const inStore = relative(store, dir)
    if (!inStore.startsWith('..')) entries.add(inStore.split(sep)[0])
  }
  return entries
}

function removeDanglingLinks(dir) {
  if (!existsSync(dir)) return
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    const stats = lstatSync(path)
    if (stats.isSymbolicLink()) {
      if (!existsSync(path)) rmSync(path)
    } else if (stats.isDirectory() && entry.startsWith('@')) {
      removeDanglingLinks(path)
    }
  }
}

function pruneQueryCompilers(provider) {
  const client = resolvePackage('@prisma/client', resolvePackage('@cp/db', bundle) ?? bundle)
  if (!client) fail('--prisma-provider: @prisma/client is not in the bundle')
  const runtime = join(client, 'runtime')
  const kept = []
  for (const file of readdirSync(runtime)) {
    if (!file.startsWith('query_compiler_')) continue
    if (file.includes(`.${provider}.`)) kept.push(file)
    else rmSync(join(runtime, file))
  }
  if (kept.length === 0) fail(`--prisma-provider ${provider}: @prisma/client has no query compiler for it`)
}

/** Bytes on disk under dir (files hard-linked twice inside it counted once, as the image layer stores them). */
function diskUsage(dir) {
  const inodes = new Set()
  let total = 0
  const walk = (path) => {
    const stats = lstatSync(path)
    if (stats.isSymbolicLink()) return
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry))
      return
    }
    if (inodes.has(stats.ino)) return
    inodes.add(stats.ino)
    total += stats.size
  }
  walk(dir)
  return total
}
