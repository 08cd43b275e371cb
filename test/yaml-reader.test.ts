// The fast reader, construct by construct: values and ranges, agreement with the reference parser, the libyaml
// leniencies it must accept, and what it leaves to the reference.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ParsedDocument, YNode } from '../src/yaml/document.js'
import { parseYamlDocuments } from '../src/yaml/parse.js'
import { readYamlDocuments } from '../src/yaml/read.js'
import { readFast } from '../src/yaml/reader.js'

/** Reads with the fast reader, which must handle the text. */
function fast(text: string): ParsedDocument[] {
  const docs = readFast(text)
  assert.ok(Array.isArray(docs), `fast reader gave up: ${Array.isArray(docs) ? '' : docs.message}`)
  return docs
}

/** Reads with the fast reader and checks the reference agrees, ranges included. */
function same(text: string): ParsedDocument[] {
  const docs = fast(text)
  assert.deepEqual(docs, parseYamlDocuments(text))
  return docs
}

function valueOf(text: string): unknown {
  const docs = same(text)
  assert.equal(docs.length, 1)
  return docs[0].value
}

/** The source text a node covers. */
function src(text: string, node: YNode | { start: number; end: number } | undefined): string {
  assert.ok(node)
  return text.slice(node.start, node.end)
}

function at(root: YNode | null, ...path: (string | number)[]): YNode {
  let node = root!
  for (const p of path) node = (typeof p === 'number' ? node.items![p] : node.map!.get(p))!
  assert.ok(node, `no node at ${path.join('.')}`)
  return node
}

describe('block collections', () => {
  test('mappings, sequences, compact forms and indentless sequences', () => {
    const text = 'a: 1\nb:\n  - x\n  - k: v\n    l: w\n  - - n1\n    - n2\nc:\n- p\n- q\n'
    const [doc] = same(text)
    assert.deepEqual(doc.value, { a: 1, b: ['x', { k: 'v', l: 'w' }, ['n1', 'n2']], c: ['p', 'q'] })
    assert.equal(src(text, at(doc.root, 'b', 1)), 'k: v\n    l: w\n')
    assert.equal(src(text, at(doc.root, 'b', 1).key === undefined ? at(doc.root, 'b', 1, 'l') : undefined), 'w')
    assert.equal(src(text, at(doc.root, 'b', 1, 'l').key), 'l')
    assert.equal(src(text, at(doc.root, 'c')), '- p\n- q\n')
    assert.deepEqual([doc.start, doc.end], [0, text.length])
  })

  test('empty values are null and sit after the indicator', () => {
    const text = 'a:\nb:   # note\nc:\n  -\n  - x\n'
    const [doc] = same(text)
    assert.deepEqual(doc.value, { a: null, b: null, c: [null, 'x'] })
    assert.deepEqual([at(doc.root, 'a').start, at(doc.root, 'a').end], [2, 2])
    assert.equal(text.slice(at(doc.root, 'b').start, at(doc.root, 'b').start + 1), '#')
  })

  test('a collection ends with the trailing comment lines the yaml package attaches to it', () => {
    for (const text of [
      'a:\n  b: 1\n  # kept by b\nc: 2\n',
      'a:\n  b: 1\n    # deeper, kept by the value\nc: 2\n',
      'a:\n  b: 1\n# moves on\nc: 2\n',
      'a:\n  b:\n  # after an empty value\nc: 2\n',
      'a:\n  - x\n  # kept by the sequence\nb: 1\n',
      'a:\n  b: |\n    text\n\n  # after a block scalar\nc: 2\n',
      'a:\n  b: 1\n  # last\n',
      'k: v\nm:\n# c\n---\nk: v\n',
      '- a\n# c\n-\n- b\n',
    ]) {
      same(text)
    }
  })

  test('keys resolve as Kubernetes sees them; duplicates are reported after resolution', () => {
    const text = 'on: 1\n0644: x\n"on": 2\ny: 3\n'
    const [doc] = same(text)
    assert.deepEqual(doc.value, { true: 3, 420: 'x', on: 2 })
    assert.deepEqual(
      doc.problems.map((p) => [p.code, src(text, p), src(text, p.related)]),
      [['duplicate-key', 'y', 'on']],
    )
  })
})

describe('scalars', () => {
  test('plain scalars resolve with YAML 1.1 rules and fold over lines', () => {
    assert.deepEqual(valueOf('a: yes\nb: 0644\nc: 1_000\nd: 1:30\ne: 2024-01-01\nf: ~\ng: 0x1F\n'), {
      a: true,
      b: 420,
      c: 1000,
      d: '1:30',
      e: '2024-01-01',
      f: null,
      g: 31,
    })
    const text = 'a: one\n  two\n\n  three # c\nb: x#y\n'
    const [doc] = same(text)
    assert.deepEqual(doc.value, { a: 'one two\nthree', b: 'x#y' })
    assert.equal(src(text, at(doc.root, 'a')), 'one\n  two\n\n  three')
  })

  test('quoted scalars: escapes, doubled quotes, folding; ranges include the quotes', () => {
    const text = `a: "tab\\there \\u00e9 \\x41 \\"q\\" \\\\"\nb: 'it''s'\nc: "one\n  two\n\n  three \\\n  four"\n`
    const [doc] = same(text)
    assert.deepEqual(doc.value, { a: 'tab\there é A "q" \\', b: "it's", c: 'one two\nthree four' })
    assert.equal(src(text, at(doc.root, 'b')), "'it''s'")
  })

  test('block scalars: literal, folded, chomping, indentation indicator', () => {
    const text = 'a: |\n  x\n   y\n\nb: >-\n  one\n  two\n\n  three\n    more\nc: |+\n  keep\n\nd: |2\n    two extra\ne: |\nf: end\n'
    const [doc] = same(text)
    assert.deepEqual(doc.value, {
      a: 'x\n y\n',
      b: 'one two\nthree\n  more',
      c: 'keep\n\n',
      d: '  two extra\n',
      e: '',
      f: 'end',
    })
    assert.equal(src(text, at(doc.root, 'a')), '|\n  x\n   y\n')
    assert.equal(src(text, at(doc.root, 'c')), '|+\n  keep\n\n')
  })

  test('non-finite numbers make the document unusable, as in the reference', () => {
    const [doc] = same('a: .inf\n')
    assert.equal(doc.value, undefined)
    assert.deepEqual(doc.problems.map((p) => p.code), ['unsupported'])
  })
})

describe('flow collections', () => {
  test('nested, multi-line, trailing commas, quoted keys', () => {
    const text = 'a: [1, "two", [x, w], {k: v, "q": [],}]\nb: {\n  x: 1,\n  w: [a,\n    b],\n}\n'
    const [doc] = same(text)
    assert.deepEqual(doc.value, { a: [1, 'two', ['x', 'w'], { k: 'v', q: [] }], b: { x: 1, w: ['a', 'b'] } })
    assert.equal(src(text, at(doc.root, 'a', 3, 'q')), '[]')
    assert.equal(src(text, at(doc.root, 'b')), '{\n  x: 1,\n  w: [a,\n    b],\n}')
  })
})

describe('anchors, aliases and merges', () => {
  test('an alias points at its anchor; merges follow go-yaml v2 precedence', () => {
    const text = 'base: &b\n  x: 1\n  w: 2\nother: &o {w: 3, z: 4}\nuse:\n  <<: [*b, *o]\n  x: 0\nref: *b\n'
    const [doc] = same(text)
    assert.deepEqual((doc.value as Record<string, unknown>).use, { w: 2, z: 4, x: 0 })
    const ref = at(doc.root, 'ref')
    assert.equal(src(text, ref.alias), '*b')
    assert.equal(src(text, ref.target), 'x: 1\n  w: 2\n')
    assert.deepEqual(at(doc.root, 'use').merges!.map((m) => src(text, m)), ['*b', '*o'])
  })
})

describe('documents', () => {
  test('markers, empty documents skipped, CRLF', () => {
    const text = '# head\n---\na: 1\n...\n---\n# only a comment\n---\r\nb: [1,\r\n  2]\r\n'
    const docs = same(text)
    assert.deepEqual(docs.map((d) => [d.index, d.value]), [[0, { a: 1 }], [1, { b: [1, 2] }]])
  })
})

describe('libyaml leniencies the reference rejects', () => {
  const cases: [string, string, unknown][] = [
    ['flow sequence closed at the key column', 'spec:\n  args: [\n    "-c",\n  "x"\n  ]\n', { spec: { args: ['-c', 'x'] } }],
    ['flow sequence closed with less indentation', 'a:\n  b: [x,\nw]\n  c: 1\n', { a: { b: ['x', 'w'], c: 1 } }],
    ['double-quoted continuation less indented', 'a:\n  b: ["\n    echo hi &&\n    echo there\n  "]\n', { a: { b: [' echo hi && echo there '] } }],
    ['single-quoted continuation less indented', "a:\n  b: '[\n  1\n  ]'\n", { a: { b: '[ 1 ]' } }],
    ['multi-line flow plain scalar less indented', 'a:\n  b: [one\ntwo]\n', { a: { b: ['one two'] } }],
  ]
  for (const [name, text, value] of cases) {
    test(name, () => {
      assert.ok(parseYamlDocuments(text).some((d) => d.problems.some((p) => p.code === 'syntax')), 'the reference rejects it')
      const docs = readYamlDocuments(text)
      assert.deepEqual(docs.map((d) => d.problems), [[]])
      assert.deepEqual(docs[0].value, value)
    })
  }

  test('ranges still cover the lenient nodes', () => {
    const text = 'a:\n  b: [x,\nw]\n'
    const [doc] = fast(text)
    assert.equal(src(text, at(doc.root, 'a', 'b')), '[x,\nw]')
    assert.equal(src(text, at(doc.root, 'a', 'b', 1)), 'w')
  })
})

describe('left to the reference', () => {
  for (const [name, text] of [
    ['tags', 'a: !!str 1\n'],
    ['explicit keys', '? a\n: b\n'],
    ['directives', '%YAML 1.1\n---\na: 1\n'],
    ['complex keys', '[a]: 1\n'],
    ['syntax errors', 'a: b: c\n'],
    ['an unknown alias', 'a: *nope\n'],
    ['tabs after an indicator', 'a:\tb\n'],
    ['a leading document end marker', '...\na: 1\n'],
    ['a document after `...` without `---`', 'a: 1\n...\nb: 2\n'],
    ['escapes the readers may disagree on', 'a: "\\/"\n'],
    ['a tab-indented line', 'a: 1\n\tb: 2\n'],
  ]) {
    test(name, () => {
      assert.ok(!Array.isArray(readFast(text)), 'the fast reader gives up')
      assert.deepEqual(readYamlDocuments(text), parseYamlDocuments(text))
    })
  }
})
