// Seeded random differential test: manifest-like YAML with comments, empty lines and odd indentation in every
// place, where the fast reader and the reference must agree on values, ranges and problems.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseYamlDocuments } from '../src/yaml/parse.js'
import { readFast } from '../src/yaml/reader.js'

const SEEDS = 6000

test('random YAML: the fast reader agrees with the reference wherever both read the text', () => {
  let compared = 0
  for (let seed = 0; seed < SEEDS; seed++) {
    const text = randomYaml(seed)
    const fast = readFast(text)
    if (!Array.isArray(fast)) continue
    const reference = parseYamlDocuments(text)
    if (reference.some((d) => d.problems.some((p) => p.code === 'syntax'))) continue
    assert.deepEqual(fast, reference, `seed ${seed}: ${JSON.stringify(text)}`)
    compared++
  }
  assert.ok(compared > SEEDS / 6, `only ${compared} texts compared`)
})

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomYaml(seed: number): string {
  const r = rng(seed)
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]
  const chance = (p: number) => r() < p
  const ind = (n: number) => ' '.repeat(n)
  const nasty = chance(0.15)
  const words = ['a', 'foo', 'bar baz', 'on', 'yes', 'No', '0644', '0x1F', '1_000', '12', '-3', '1.5', '~', 'null', 'true', 'http://x.y/z?q=1', 'a#b', 'k8s.io/name', '2024-01-01', '1:30', "it's", '--flag', ':8443', 'a - b', 'a,b', ...(nasty ? ['.inf', 'x: y', '"q"', '-', '?x', '<<', '*', '&', '!x', '@x', '%x', '[x]', '{x}'] : [])]
  const anchors: string[] = []
  const lines: string[] = []
  let anchorCount = 0

  const comment = (indent: number) => {
    if (chance(0.15)) lines.push(ind(Math.max(0, indent + Math.floor(r() * 7) - 3)) + '# c' + (chance(0.3) ? ' x: y' : ''))
    if (chance(0.1)) lines.push(chance(0.5) ? '' : ind(Math.floor(r() * 8)))
  }
  const trail = () => (chance(0.15) ? pick([' # t', '  #t', ...(nasty ? ['\t# t'] : [])]) : chance(0.05) ? pick([' ', '  ', ...(nasty ? ['\t'] : [])]) : '')
  const plain = () => pick(words) + (chance(0.1) ? ' ' + pick(words) : '')

  const scalar = (indent: number, inFlow: boolean): string => {
    const k = r()
    if (k < 0.45) return plain()
    if (k < 0.6) return "'" + pick(words).replace(/'/g, "''") + (chance(0.2) ? '\n' + ind(Math.floor(r() * (indent + 4))) + "more''" : '') + "'"
    if (k < 0.75) {
      const escapes = ['x', 'a\\tb', '\\u00e9', '\\x41', 'say \\"hi\\"', '\\\\', 'a\\\n' + ind(indent + 1) + 'b', 'line\n\n' + ind(Math.floor(r() * (indent + 3))) + 'next  ']
      return '"' + pick(nasty ? [...escapes, 'esc\\/', "q\\'"] : escapes) + '"'
    }
    if (k < 0.9 && !inFlow) return flow(indent, 0)
    if (anchors.length && chance(0.5)) return '*' + pick(anchors)
    return plain()
  }

  const flow = (indent: number, depth: number): string => {
    const isSeq = chance(0.6)
    const items: string[] = []
    for (let i = Math.floor(r() * 4); i > 0; i--) {
      let v = depth < 2 && chance(0.2) ? flow(indent, depth + 1) : scalar(indent, true)
      if (v.startsWith('x: y') || (/[,[\]{}]/.test(v) && !/^["'[{]/.test(v))) v = 'w'
      items.push(isSeq ? v : (chance(0.8) ? pick(['k', 'on', '"q k"', 'a b', '<<']) + i : `"k${i}"`) + ':' + (chance(0.9) ? ' ' : '') + v)
    }
    const multiline = chance(0.3)
    const sep = multiline ? ',' + (chance(0.3) ? ' # c' : '') + '\n' + ind(Math.floor(r() * (indent + 4))) : ', '
    const open = multiline ? '\n' + ind(Math.floor(r() * (indent + 4))) : ''
    const close = multiline ? '\n' + ind(Math.floor(r() * (indent + 3))) : ''
    return (isSeq ? '[' : '{') + open + items.join(sep) + (chance(0.1) && items.length ? ',' : '') + close + (isSeq ? ']' : '}')
  }

  const blockScalar = (column: number, parentIndent: number): string[] => {
    const header = pick(['|', '>']) + pick(['', '', '-', '+']) + (chance(0.1) ? String(1 + Math.floor(r() * 3)) : '')
    const explicit = /\d/.exec(header)
    const base = explicit ? parentIndent + Number(explicit[0]) : column + 1 + Math.floor(r() * 2)
    const out = [header + trail()]
    if (chance(0.2)) out.push(chance(0.5) ? '' : ind(Math.floor(r() * base)))
    for (let i = Math.floor(r() * 5); i > 0; i--) {
      const k = r()
      if (k < 0.6) out.push(ind(base) + pick(['text', 'more words', '# not comment', 'a: b', nasty ? '\tx' : 'x\ty']))
      else if (k < 0.75) out.push(ind(base + 1 + Math.floor(r() * 3)) + 'indented')
      else if (k < 0.9) out.push('')
      else out.push(ind(Math.floor(r() * (base + 3))))
    }
    if (chance(0.3)) out.push(chance(0.5) ? '' : ind(Math.floor(r() * (base + 2))))
    return out
  }

  const value = (prefix: string, indent: number, depth: number, inSeq: boolean): void => {
    const k = r()
    let anchor = ''
    if (chance(0.08)) {
      const name = 'a' + anchorCount++
      anchor = '&' + name + ' '
      anchors.push(name)
    }
    if (depth < 4 && k < 0.25) {
      const child = indent + 1 + Math.floor(r() * 3)
      if (inSeq && chance(0.5) && !anchor) return mapEntries(prefix, prefix.length, depth + 1)
      lines.push(prefix + anchor.trimEnd() + trail())
      comment(child)
      return mapEntries(ind(child), child, depth + 1)
    }
    if (depth < 4 && k < 0.45) {
      const indentless = !inSeq && chance(0.4)
      const child = indentless ? indent : indent + 1 + Math.floor(r() * 3)
      if (inSeq && chance(0.3) && !anchor) return seqItems(prefix, prefix.length, depth + 1)
      lines.push(prefix + anchor.trimEnd() + trail())
      comment(child)
      return seqItems(ind(child), child, depth + 1)
    }
    if (k < 0.5) {
      lines.push(prefix.trimEnd() + (anchor ? ' ' + anchor.trimEnd() : '') + trail())
      return
    }
    if (k < 0.6) {
      const b = blockScalar(prefix.length, indent)
      lines.push(prefix + anchor + b[0], ...b.slice(1))
      return
    }
    const v = scalar(indent, false)
    if (chance(0.1) && !v.includes('\n')) {
      lines.push(prefix.trimEnd(), ind(indent + 1 + Math.floor(r() * 3)) + anchor + v + trail())
      return
    }
    const continued = chance(0.1) && /^[a-z]/.test(v) ? '\n' + ind(indent + Math.floor(r() * 4)) + pick(['cont', 'more text', '# c', '']) : ''
    lines.push(prefix + anchor + v + continued + trail())
  }

  const mapEntries = (firstPrefix: string, indent: number, depth: number): void => {
    for (let i = 0, n = 1 + Math.floor(r() * 4); i < n; i++) {
      const prefix = i === 0 ? firstPrefix : ind(indent)
      let key = pick(['name', 'on', 'y', 'key with space', '"quoted"', "'sq'", '0644', 'k' + i, '<<', 'dup', 'dup', ...(nasty ? ['.inf'] : [])])
      if (key === '<<') {
        if (anchors.length) {
          lines.push(prefix + '<<: ' + (chance(0.7) ? '*' + pick(anchors) : `[*${pick(anchors)}, *${pick(anchors)}]`) + trail())
          continue
        }
        key = 'm'
      }
      value(prefix + key + ': ', indent, depth, false)
      comment(indent)
    }
  }

  const seqItems = (firstPrefix: string, indent: number, depth: number): void => {
    for (let i = 0, n = 1 + Math.floor(r() * 4); i < n; i++) {
      value((i === 0 ? firstPrefix : ind(indent)) + '-' + pick([' ', ' ', '  ', '   ']), indent, depth, true)
      comment(indent)
    }
  }

  for (let d = 0, docs = 1 + Math.floor(r() * 3); d < docs; d++) {
    if (d > 0 || chance(0.3)) lines.push(pick(['---', '---', '--- # doc', '...\n---']))
    comment(0)
    const root = r()
    if (root < 0.6) mapEntries('', 0, 0)
    else if (root < 0.85) seqItems('', 0, 0)
    else lines.push(scalar(0, false))
    comment(0)
  }
  const text = lines.join('\n') + (chance(0.8) ? '\n' : '')
  return chance(0.1) ? text.replace(/\n/g, '\r\n') : text
}
