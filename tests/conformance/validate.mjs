// Validates CSAF 2.0 output with the official validator library
// (@secvisogram/csaf-validator-lib, pinned in package.json).
//
//   node validate.mjs --site DIR [--allow-warnings]   a built site: every document
//       under DIR/.well-known/csaf/white/YYYY/, plus the provider directory
//       around them (file names, year folders, hashes, index.txt,
//       changes.csv, the ROLIE feed and provider-metadata.json)
//   node validate.mjs [--allow-warnings] FILE.json...  single documents
//
// Every document runs the strict JSON schema test, every mandatory test, every
// optional test and the informative tests that need neither the network
// (6.3.6, 6.3.7 fetch URLs) nor hunspell (6.3.8). Schema and mandatory
// failures are errors; optional-test warnings are errors too unless
// --allow-warnings is given (upstream examples have some); informative
// results are reported only. Exits 1 on any error, 2 on bad usage.
//
// check.mjs imports validateDocument and validateSite to run many cases in
// one process (loading the library takes seconds).
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

import * as informative from '@secvisogram/csaf-validator-lib/informativeTests.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import * as optional from '@secvisogram/csaf-validator-lib/optionalTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'

const OFFLINE_SKIPPED = ['informativeTest_6_3_6', 'informativeTest_6_3_7', 'informativeTest_6_3_8']
const TESTS = [
  csaf_2_0_strict,
  ...Object.values(mandatory),
  ...Object.values(optional),
  ...Object.values(informative).filter((t) => !OFFLINE_SKIPPED.includes(t.name)),
]

// Results of one run: problems fail it, notes are printed for information.
export class Run {
  constructor({ allowWarnings = false } = {}) {
    this.allowWarnings = allowWarnings
    this.problems = []
    this.notes = []
    this.counts = { documents: 0, errors: 0, warnings: 0, infos: 0 }
  }
  summary() {
    const c = this.counts
    return `CSAF validator: ${c.documents} documents; ${c.errors} errors, ${c.warnings} optional-test warnings, ${c.infos} informative notes (tests ${OFFLINE_SKIPPED.map((t) => t.replace('informativeTest_', '')).join(', ')} skipped: network/hunspell)`
  }
}
let run = new Run()
const fail = (where, message) => run.problems.push(`${where}: ${message}`)
const note = (line) => run.notes.push(line)

// The CSAF 2.0 section 5.1 file name of a tracking id.
const fileName = (id) => id.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_') + '.json'

async function validateDocumentIn(path) {
  let doc
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    fail(path, `not JSON: ${e.message}`)
    return null
  }
  run.counts.documents++
  const result = await validateStrict(TESTS, doc)
  for (const test of result.tests) {
    const kind = test.name.startsWith('informative') ? 'info' : test.name.startsWith('optional') ? 'warning' : 'error'
    for (const e of test.errors) {
      run.counts.errors++
      fail(path, `error ${test.name} ${e.instancePath}: ${e.message}`)
    }
    for (const w of test.warnings) {
      run.counts.warnings++
      const line = `warning ${test.name} ${w.instancePath}: ${w.message}`
      if (run.allowWarnings || kind === 'info') note(`${path}: ${line}`)
      else fail(path, line)
    }
    for (const i of test.infos) {
      run.counts.infos++
      note(`${path}: info ${test.name} ${i.instancePath}: ${i.message}`)
    }
    if (!test.isValid && test.errors.length === 0) fail(path, `error ${test.name}: failed`)
  }
  return doc
}

const sha = (algorithm, bytes) => createHash(algorithm).update(bytes).digest('hex')

function readLines(path) {
  if (!existsSync(path)) {
    fail(path, 'missing')
    return []
  }
  return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '')
}

async function validateSiteIn(root) {
  const csaf = join(root, '.well-known', 'csaf')
  const white = join(csaf, 'white')
  if (!existsSync(white)) {
    fail(root, 'no .well-known/csaf/white/ folder')
    return
  }
  const metaPath = join(csaf, 'provider-metadata.json')
  const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : null
  if (!meta) return fail(metaPath, 'missing')
  const base = meta.canonical_url?.replace(/\/\.well-known\/csaf\/provider-metadata\.json$/, '')
  if (!base || !base.startsWith('https://') || base === meta.canonical_url) {
    fail(metaPath, `canonical_url ${meta.canonical_url} is not https://HOST/.well-known/csaf/provider-metadata.json`)
  }
  for (const key of ['distributions', 'last_updated', 'list_on_CSAF_aggregators', 'metadata_version',
    'mirror_on_CSAF_aggregators', 'publisher', 'role']) {
    if (!(key in meta)) fail(metaPath, `missing ${key}`)
  }
  if (meta.metadata_version !== '2.0') fail(metaPath, 'metadata_version is not "2.0"')
  if (!['csaf_publisher', 'csaf_provider', 'csaf_trusted_provider'].includes(meta.role)) {
    fail(metaPath, `unknown role ${meta.role}`)
  }
  const dist = meta.distributions?.[0] ?? {}
  if (dist.directory_url !== `${base}/.well-known/csaf/white/`) fail(metaPath, `directory_url is ${dist.directory_url}`)
  const feedMeta = dist.rolie?.feeds?.find((f) => f.tlp_label === 'WHITE')
  if (!feedMeta?.url?.startsWith(`${base}/.well-known/csaf/`) || !feedMeta.url.endsWith('.json')) {
    return fail(metaPath, 'no ROLIE feed for TLP:WHITE under .well-known/csaf/')
  }
  for (const service of dist.rolie.services ?? []) {
    const p = join(root, service.slice(base.length))
    if (!existsSync(p)) fail(metaPath, `ROLIE service document ${service} was not written`)
  }

  // Documents: YYYY/name.json, named by the 5.1 rule, in the year of initial_release_date.
  const written = new Map() // "2026/x.json" → { doc, bytes }
  for (const year of readdirSync(white).sort()) {
    const dir = join(white, year)
    if (!statSync(dir).isDirectory()) continue
    if (!/^\d{4}$/.test(year)) fail(dir, 'folder is not a year')
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.json')) continue
      const path = join(dir, name)
      const doc = await validateDocumentIn(path)
      if (!doc) continue
      const bytes = readFileSync(path)
      const rel = `${year}/${name}`
      written.set(rel, { doc, bytes })
      const tracking = doc.document?.tracking ?? {}
      if (name !== fileName(tracking.id ?? '')) fail(path, `file name should be ${fileName(tracking.id ?? '')}`)
      if (String(new Date(tracking.initial_release_date).getUTCFullYear()) !== year) {
        fail(path, `initial_release_date ${tracking.initial_release_date} is not in ${year}`)
      }
      const self = `${base}/.well-known/csaf/white/${rel}`
      if (!doc.document?.references?.some((r) => r.category === 'self' && r.url === self)) {
        fail(path, `no self reference to ${self}`)
      }
      for (const [ext, algorithm] of [['sha256', 'sha256'], ['sha512', 'sha512']]) {
        const hashPath = `${path}.${ext}`
        const want = `${sha(algorithm, bytes)}  ${name}\n`
        if (!existsSync(hashPath)) fail(hashPath, 'missing')
        else if (readFileSync(hashPath, 'utf8') !== want) fail(hashPath, `is not "${want.trim()}"`)
      }
      if (!existsSync(join(dir, 'index.html'))) fail(dir, 'no index.html listing')
    }
  }
  if (written.size === 0) fail(white, 'no CSAF documents')

  // index.txt: exactly the documents; changes.csv: each with its
  // current_release_date, quoted, no header, newest first.
  const index = readLines(join(white, 'index.txt'))
  const missing = [...written.keys()].filter((p) => !index.includes(p))
  const extra = index.filter((p) => !written.has(p))
  if (missing.length || extra.length || index.length !== written.size) {
    fail(join(white, 'index.txt'), `does not list exactly the documents (missing ${missing}, extra ${extra})`)
  }
  const changes = readLines(join(white, 'changes.csv'))
  let previous = Infinity
  const listed = new Set()
  for (const line of changes) {
    const m = /^"([^"]+)","([^"]+)"$/.exec(line)
    if (!m) {
      fail(join(white, 'changes.csv'), `line is not "path","time": ${line}`)
      continue
    }
    const entry = written.get(m[1])
    listed.add(m[1])
    if (!entry) fail(join(white, 'changes.csv'), `lists ${m[1]}, which was not written`)
    else if (entry.doc.document.tracking.current_release_date !== m[2]) {
      fail(join(white, 'changes.csv'), `${m[1]} has ${m[2]}, the document says ${entry.doc.document.tracking.current_release_date}`)
    }
    const t = Date.parse(m[2])
    if (t > previous) fail(join(white, 'changes.csv'), `not newest first at ${m[1]}`)
    previous = t
  }
  if (listed.size !== written.size) fail(join(white, 'changes.csv'), 'does not list every document once')

  // ROLIE feed: csaf category, one entry per document with self and hash links to files that exist.
  const feedPath = join(root, feedMeta.url.slice(base.length))
  if (!existsSync(feedPath)) return fail(feedPath, 'ROLIE feed missing')
  const feed = JSON.parse(readFileSync(feedPath, 'utf8')).feed ?? {}
  if (!feed.category?.some((c) => c.scheme === 'urn:ietf:params:rolie:category:information-type' && c.term === 'csaf')) {
    fail(feedPath, 'no csaf category')
  }
  if (!feed.link?.some((l) => l.rel === 'self' && l.href === feedMeta.url)) fail(feedPath, 'no self link')
  const entries = feed.entry ?? []
  if (entries.length !== written.size) fail(feedPath, `${entries.length} entries for ${written.size} documents`)
  for (const e of entries) {
    const self = e.link?.find((l) => l.rel === 'self')?.href ?? ''
    const rel = self.replace(`${base}/.well-known/csaf/white/`, '')
    const entry = written.get(rel)
    if (!entry) {
      fail(feedPath, `entry ${e.id} links ${self}, which was not written`)
      continue
    }
    const tracking = entry.doc.document.tracking
    if (e.id !== tracking.id) fail(feedPath, `entry ${e.id} is for ${tracking.id}`)
    if (e.updated !== tracking.current_release_date) fail(feedPath, `entry ${e.id} updated ${e.updated}`)
    if (e.content?.src !== self) fail(feedPath, `entry ${e.id} content.src is not the document`)
    for (const l of e.link ?? []) {
      if (!l.href.startsWith(base)) continue
      if (!existsSync(join(root, l.href.slice(base.length)))) fail(feedPath, `entry ${e.id} links missing ${l.href}`)
    }
    for (const ext of ['.sha256', '.sha512']) {
      if (!e.link?.some((l) => l.rel === 'hash' && l.href === self + ext)) fail(feedPath, `entry ${e.id} has no ${ext} hash link`)
    }
    if (existsSync(join(white, `${rel}.asc`)) && !e.link?.some((l) => l.rel === 'signature')) {
      fail(feedPath, `entry ${e.id} has no signature link though ${rel}.asc exists`)
    }
  }
  for (const dir of [csaf, white]) {
    if (!existsSync(join(dir, 'index.html'))) fail(dir, 'no index.html listing')
  }
  note(`${root}: ${written.size} documents, index.txt, changes.csv, ROLIE feed and provider-metadata.json checked`)
}

/** Validates documents (paths) and built sites (`sites`, output folders) into a new Run. */
export async function validate({ files = [], sites = [], allowWarnings = false }) {
  run = new Run({ allowWarnings })
  const current = run
  for (const root of sites) await validateSiteIn(root)
  for (const f of files) await validateDocumentIn(f)
  return current
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const allowWarnings = args.includes('--allow-warnings')
  const siteIndex = args.indexOf('--site')
  const site = siteIndex >= 0 ? args[siteIndex + 1] : null
  const files = args.filter((a, i) => !a.startsWith('--') && (siteIndex < 0 || i !== siteIndex + 1))
  if ((site === null) === (files.length === 0) || (siteIndex >= 0 && !site)) {
    console.error('usage: validate.mjs --site DIR [--allow-warnings] | [--allow-warnings] FILE.json...')
    process.exit(2)
  }

  const result = await validate({ files, sites: site ? [site] : [], allowWarnings })
  for (const line of [...result.notes, ...result.problems]) console.log(line)
  console.log(result.summary())
  if (result.problems.length) {
    console.log(`FAILED: ${result.problems.length} problems`)
    process.exit(1)
  }
  console.log('OK')
}
