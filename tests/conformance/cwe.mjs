// The CWE catalogue herald ships (data/cwe-<version>.csv) against the one the
// validator library packages, so `cwe.name` in herald's CSAF always matches
// what validators expect (mandatory test 6.1.11).
//
//   node cwe.mjs export 4.17        print the library's catalogue as herald's CSV
//   node cwe.mjs check FILE.csv     exit 1 unless FILE.csv equals that export
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

const [command, arg] = process.argv.slice(2)
const version = command === 'check' ? basename(arg ?? '').replace(/^cwe-(.*)\.csv$/, '$1') : arg
if (!['export', 'check'].includes(command) || !version) {
  console.error('usage: cwe.mjs export VERSION | cwe.mjs check data/cwe-VERSION.csv')
  process.exit(2)
}
const { default: catalogue } = await import(`@secvisogram/csaf-validator-lib/lib/cwec/${version}.js`)
const number = (id) => Number(id.replace('CWE-', ''))
const lines = catalogue.weaknesses
  .slice()
  .sort((a, z) => number(a.id) - number(z.id))
  .map((w) => {
    if (w.name.includes('"')) throw new Error(`${w.id}: a name with a double quote needs CSV escaping`)
    return `${w.id},"${w.name}",${w.status}`
  })
const csv = ['id,name,status', ...lines].join('\n') + '\n'
if (command === 'export') {
  process.stdout.write(csv)
} else if (readFileSync(arg, 'utf8') !== csv) {
  console.log(`${arg} differs from the CWE ${version} catalogue of the validator library; regenerate it with: node tests/conformance/cwe.mjs export ${version} > ${arg}`)
  process.exit(1)
} else {
  console.log(`${arg}: ${lines.length} weaknesses, identical to the validator library's CWE ${version} catalogue`)
}
