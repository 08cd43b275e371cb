// JUnit XML for CI test tabs: a suite per file, a test case per object, a failure per error or warning.
import type { FileObject, FileResult, Finding, LintReport, ObjectRef } from '../types.js'

interface Case {
  name: string
  failures: Finding[]
  notes: Finding[]
}

export function formatJunit(report: LintReport): string {
  const suites = report.results.map(suite)
  const tests = suites.reduce((n, s) => n + s.tests, 0)
  const failures = suites.reduce((n, s) => n + s.failures, 0)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="seaworthy" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n')
}

function suite(file: FileResult) {
  const cases = casesOf(file)
  const failures = cases.reduce((n, c) => n + (c.failures.length > 0 ? 1 : 0), 0)
  const lines = [`  <testsuite name="${attr(file.filePath)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`]
  for (const c of cases) {
    const open = `    <testcase name="${attr(c.name)}" classname="${attr(file.filePath)}"`
    if (c.failures.length === 0 && c.notes.length === 0) {
      lines.push(`${open}/>`)
      continue
    }
    lines.push(`${open}>`)
    for (const f of c.failures) {
      lines.push(`      <failure type="${attr(f.ruleId)}" message="${attr(f.message)}">${text(details(file.filePath, f))}</failure>`)
    }
    if (c.notes.length) lines.push(`      <system-out>${text(c.notes.map((f) => details(file.filePath, f)).join('\n\n'))}</system-out>`)
    lines.push('    </testcase>')
  }
  lines.push('  </testsuite>')
  return { tests: cases.length, failures, xml: lines.join('\n') }
}

/** one case per object of the file (in document order), and one for the findings about the file itself */
function casesOf(file: FileResult): Case[] {
  const objects: FileObject[] = file.objects ?? []
  const cases: Case[] = objects.map((o) => ({ name: objectName(o), failures: [], notes: [] }))
  const extra = new Map<string, Case>()
  const caseFor = (name: string) => extra.get(name) ?? (extra.set(name, { name, failures: [], notes: [] }), extra.get(name)!)
  for (const f of file.messages) {
    let c: Case | undefined
    if (f.object) {
      // the object of the same identity that starts last at or before the finding (the first when none does)
      const same = objects.map((o, i) => ({ o, i })).filter(({ o }) => sameRef(o, f.object!))
      const hit = same.filter(({ o }) => o.line <= f.line).pop() ?? same[0]
      c = hit ? cases[hit.i] : caseFor(objectName(f.object))
    } else {
      c = caseFor('(file)')
    }
    ;(f.severity === 'info' ? c.notes : c.failures).push(f)
  }
  return [...(extra.has('(file)') ? [extra.get('(file)')!] : []), ...cases, ...[...extra.values()].filter((c) => c.name !== '(file)')]
}

function objectName(o: ObjectRef): string {
  const name = o.name ? ` ${o.namespace ? `${o.namespace}/` : ''}${o.name}` : ''
  return `${o.kind ?? '(no kind)'}${name}`
}

function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name
}

function details(filePath: string, f: Finding): string {
  const head = `${filePath}:${f.line}:${f.column} ${f.severity} ${f.ruleId}${f.path ? ` at ${f.path}` : ''}\n${f.message}`
  return [head, ...f.related.map((r) => `  ${r.filePath}:${r.line}:${r.column} ${r.message}`)].join('\n')
}

// characters XML 1.0 cannot carry at all (controls, lone surrogates) become U+FFFD
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

function text(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}
