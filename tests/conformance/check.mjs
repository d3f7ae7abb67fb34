// The CSAF conformance cases of run.sh, in one process (loading the validator
// library takes seconds, so each case does not start its own node).
//
//   node check.mjs SITE_DIR [CORPUS_DIR]
//
// SITE_DIR is a herald build of the example site; CORPUS_DIR (optional) holds
// reference CSAF documents that must pass schema and mandatory tests.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { validate } from './validate.mjs'

const [site, corpus] = process.argv.slice(2)
if (!site) {
  console.error('usage: check.mjs SITE_DIR [CORPUS_DIR]')
  process.exit(2)
}
const here = dirname(fileURLToPath(import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'herald-csaf-'))
let passed = 0
let failed = 0
const show = (run) => [...run.problems, ...run.notes].slice(0, 25).forEach((l) => console.log(`  ${l}`))

// expectPass(name, options): the run must have no problems.
async function expectPass(name, options) {
  const run = await validate(options)
  if (run.problems.length === 0) {
    passed++
    console.log(`ok: ${name}: ${run.summary()}`)
  } else {
    failed++
    console.log(`FAIL: ${name}`)
    show(run)
  }
  return run
}

// expectFail(name, options, needle): the run must fail, naming `needle`.
async function expectFail(name, options, needle) {
  const run = await validate(options)
  if (run.problems.some((p) => p.includes(needle))) {
    passed++
    console.log(`ok: ${name} is rejected (${needle})`)
  } else {
    failed++
    console.log(`FAIL: ${name} is not rejected with ${needle}`)
    show(run)
  }
}

const documents = (root) => {
  const white = join(root, '.well-known', 'csaf', 'white')
  return readdirSync(white)
    .filter((y) => /^\d{4}$/.test(y))
    .flatMap((y) => readdirSync(join(white, y)).filter((f) => f.endsWith('.json')).map((f) => join(white, y, f)))
    .sort()
}

// mutated(name, change): a copy of a scored document with `change` applied.
const scored = documents(site).find((p) => readFileSync(p, 'utf8').includes('"baseScore"'))
function mutated(name, change) {
  const doc = JSON.parse(readFileSync(scored, 'utf8'))
  const changed = change(doc) ?? doc
  const path = join(work, name)
  writeFileSync(path, JSON.stringify(changed, null, 2) + '\n')
  return path
}

try {
  // The example site: zero errors and zero optional-test warnings.
  const result = await expectPass('example site', { sites: [site] })
  const infos = result.notes.filter((l) => l.includes(' info '))
  console.log(`  informative notes (${infos.length}):`)
  for (const l of infos) console.log(`    ${l.replace(site, '')}`)

  // The harness itself must be able to fail.
  await expectFail('a wrong CVSS base score', {
    files: [mutated('bad-cvss.json', (d) => { d.vulnerabilities.find((v) => v.scores).scores[0].cvss_v3.baseScore = 1.0 })],
  }, 'mandatoryTest_6_1_9')
  await expectFail('a CWE name that is not the catalogue name', {
    files: [mutated('bad-cwe.json', (d) => { d.vulnerabilities.find((v) => v.cwe).cwe.name = 'Not the catalogue name' })],
  }, 'mandatoryTest_6_1_11')
  await expectFail('a missing required field', {
    files: [mutated('no-title.json', (d) => { delete d.document.title })],
  }, 'csaf_2_0_strict')
  await expectFail('unsorted keys', {
    files: [mutated('unsorted.json', (d) => ({ vulnerabilities: d.vulnerabilities, product_tree: d.product_tree, document: d.document }))],
  }, 'optionalTest_6_2_13')

  const stale = join(work, 'stale')
  cpSync(site, stale, { recursive: true })
  const index = join(stale, '.well-known', 'csaf', 'white', 'index.txt')
  writeFileSync(index, readFileSync(index, 'utf8').split('\n').slice(1).join('\n'))
  await expectFail('an index.txt missing a document', { sites: [stale] }, 'index.txt')

  const tampered = join(work, 'tampered')
  cpSync(site, tampered, { recursive: true })
  const doc = documents(tampered)[0]
  writeFileSync(doc, readFileSync(doc, 'utf8').replace('"lang": "en"', '"lang": "de"'))
  await expectFail('a document that no longer matches its hashes', { sites: [tampered] }, '.sha256')

  // Known-good documents pass.
  const fixtures = readdirSync(join(here, 'fixtures')).filter((f) => f.endsWith('.json')).map((f) => join(here, 'fixtures', f))
  await expectPass('tests/conformance/fixtures', { files: fixtures })
  if (corpus && existsSync(corpus)) {
    const files = readdirSync(corpus, { recursive: true })
      .filter((f) => f.endsWith('.json') && !f.startsWith('distribution'))
      .map((f) => join(corpus, f))
      .sort()
    await expectPass(`reference documents in ${corpus} (optional warnings allowed)`, { files, allowWarnings: true })
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
