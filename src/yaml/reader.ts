// The fast reader: block structure and documents, read in one pass the way libyaml / go-yaml v2 reads them, with
// node ranges identical to the `yaml` package's. Anything outside the subset it reads with certainty throws
// Unhandled, and readFast returns it so that the caller can use the reference parser for the file.
//
// Ranges: a block collection ends where its last value ends *with the trailing comment lines the `yaml` package
// attaches to that value* (its range[2]). The rules, from yaml's Parser: a scalar, alias or flow collection keeps the
// comment lines after it that are indented deeper than its collection; a collection keeps the comment lines left
// after its last value when one of them is indented at least as deep as the collection (and it is not at column 0);
// otherwise they move on to the enclosing collection. An empty value reaches the next content when a comment follows it.
import type { ParsedDocument } from './document.js'
import { MAX_KEY_LENGTH, FlowReader } from './flow-reader.js'
import { MERGE_KEY, NodeComposer, type Built } from './node-composer.js'
import { PlainStop } from './scalar-reader.js'
import { Ch, isBlankOrEnd, isBreakOrEnd } from './text-cursor.js'
import { Unhandled } from './unhandled.js'

/** Reads all documents of a file, or returns why the fast reader cannot. */
export function readFast(text: string): ParsedDocument[] | Unhandled {
  try {
    return new BlockReader(text).readDocuments()
  } catch (e) {
    if (e instanceof Unhandled) return e
    // a stack overflow on absurdly deep nesting: the reference reports it
    if (e instanceof RangeError) return new Unhandled('nesting too deep', 0)
    throw e
  }
}

/** No comment line is absorbed by the value before it. */
const NO_ABSORB = Number.MAX_SAFE_INTEGER

class BlockReader extends FlowReader {
  /** column of the next content, or -1 when a document marker or the end of the text comes next */
  private nextIndent = -1
  /** where the value just read ends for the `yaml` package, trailing comment lines included */
  private lastEnd = 0
  /** deepest indent of the comment lines waiting before the next content that no node has kept, or -1 */
  private pendingComment = -1
  /** set by scanGap: end of the last comment line the value before the gap keeps, or -1 */
  private absorbedEnd = -1

  readDocuments(): ParsedDocument[] {
    const out: ParsedDocument[] = []
    // go-yaml wants a `---` after a `...`, and no `...` before the first document
    let begun = false
    let ended = false
    this.scanGap(NO_ABSORB)
    while (this.pos < this.len) {
      if (this.nextIndent < 0) {
        // `---` or `...`: documents without content are skipped, as the reference does
        const end = this.text.charCodeAt(this.pos) === Ch.Dot
        if (end && !begun) this.unhandled('document end marker before any document')
        begun = true
        ended = end
        this.pos += 3
        this.endOfLine('content after a document marker')
        this.scanGap(NO_ABSORB)
        continue
      }
      if (ended) this.unhandled('document without a start marker after a document end marker')
      begun = true
      this.nodes = new NodeComposer()
      const root = this.readNode(-1, true, false)
      if (this.nextIndent >= 0) this.unhandled('content after the document root')
      if (this.nodes.exceedsAliasLimit()) this.unhandled('excessive aliasing', root.node.start)
      const problems = this.nodes.problems
      const usable = !problems.some((p) => p.code === 'unsupported')
      out.push({
        index: out.length,
        start: root.node.start,
        end: root.node.end,
        value: usable ? root.value : undefined,
        root: usable ? root.node : null,
        problems,
      })
    }
    return out
  }

  /**
   * Reads the node at pos, inside a collection indented `d` (-1 at the root). `compact`: a block collection may
   * start here (at a line start or after `- `); `indentless`: a later line may hold a `- ` at column d.
   */
  private readNode(d: number, compact: boolean, indentless: boolean): Built {
    const t = this.text
    const start = this.pos
    const c = t.charCodeAt(start)
    switch (c) {
      case Ch.Dash:
        if (!isBlankOrEnd(t.charCodeAt(start + 1))) break
        if (!compact) this.unhandled('block sequence where it cannot start')
        return this.readBlockSeq(this.columnOf(start), false)
      case Ch.Amp:
        return this.readAnchored(d, indentless)
      case Ch.Star: {
        const built = this.nodes.alias(this.readAnchorName(false), start, this.pos)
        this.finishValue(d)
        return built
      }
      case Ch.Pipe:
      case Ch.Gt: {
        if (d < 0) this.unhandled('block scalar at the document root')
        const built = this.nodes.quoted(this.readBlockScalar(d), start, this.pos)
        const end = this.pos
        this.scanGap(NO_ABSORB)
        this.lastEnd = end
        return built
      }
      case Ch.LBracket:
      case Ch.LBrace: {
        const built = this.readFlowCollection()
        this.finishValue(d)
        return built
      }
      case Ch.DQuote:
      case Ch.SQuote: {
        const value = c === Ch.DQuote ? this.readDoubleQuoted() : this.readSingleQuoted()
        if (this.colonFollows()) {
          if (!compact || this.quotedMultiline) this.unhandled('mapping key where it cannot start')
          this.pos = start
          return this.readBlockMap(this.columnOf(start))
        }
        const built = this.nodes.quoted(value, start, this.pos)
        this.finishValue(d)
        return built
      }
    }
    if (!this.startsPlain(c, false)) this.unhandled('unusual node')
    this.scanPlainLine(start, false)
    if (this.plainStop === PlainStop.Colon) {
      if (!compact) this.unhandled('mapping key where it cannot start')
      return this.readBlockMap(this.columnOf(start))
    }
    const built = this.nodes.plain(this.readPlain(d + 1, false), start, this.pos)
    this.finishValue(d)
    return built
  }

  private readAnchored(d: number, indentless: boolean): Built {
    const t = this.text
    const name = this.readAnchorName(false)
    let c = t.charCodeAt(this.pos)
    while (c === Ch.Space) c = t.charCodeAt(++this.pos)
    this.nodes.beginAnchor(name)
    let built: Built
    if (c === Ch.Hash || isBreakOrEnd(c)) {
      this.endOfLine('content after an anchor')
      this.scanGap(NO_ABSORB)
      const next = t.charCodeAt(this.pos)
      if (this.nextIndent > d && next !== Ch.Amp && next !== Ch.Star) built = this.readNode(d, true, false)
      else if (this.nextIndent === d && indentless && this.atSeqEntry()) built = this.readBlockSeq(d, true)
      else return this.unhandled('unusual anchored node')
    } else {
      // `&a key: v` anchors the key and `&a - x` is an error; the reference decides both
      if (c === Ch.Amp || c === Ch.Star || c === Ch.Tab) this.unhandled('unusual anchored node')
      built = this.readNode(d, false, false)
    }
    this.nodes.endAnchor(name, built)
    return built
  }

  private readBlockMap(indent: number): Built {
    const t = this.text
    const map = this.nodes.beginMap()
    const start = this.pos
    let valueEnd: number
    let emptyAt: number
    for (;;) {
      const keyStart = this.pos
      const c = t.charCodeAt(keyStart)
      const plain = c !== Ch.DQuote && c !== Ch.SQuote
      let keyText: string
      if (plain) {
        if (!this.startsPlain(c, false)) this.unhandled('unusual mapping key')
        const end = this.scanPlainLine(keyStart, false)
        if (this.plainStop !== PlainStop.Colon) this.unhandled('mapping entry without a colon')
        keyText = t.slice(keyStart, end)
        this.pos = end
      } else {
        keyText = c === Ch.DQuote ? this.readDoubleQuoted() : this.readSingleQuoted()
        if (this.quotedMultiline || !this.colonFollows()) this.unhandled('unusual mapping key', keyStart)
      }
      const keyEnd = this.pos
      let ch = t.charCodeAt(this.pos)
      while (ch === Ch.Space || ch === Ch.Tab) ch = t.charCodeAt(++this.pos)
      if (this.pos - keyStart > MAX_KEY_LENGTH) this.unhandled('key longer than 1024 characters', keyStart)
      this.pos++
      const key = this.nodes.key(map, keyText, plain, keyStart, keyEnd)
      const value = this.readBlockValue(indent, true, false)
      if (key === MERGE_KEY) this.nodes.merge(map, value, keyStart)
      else this.nodes.setValue(map, key, keyStart, keyEnd, value)
      valueEnd = this.lastEnd
      // only an empty value has an empty range
      emptyAt = value.node.start === value.node.end ? value.node.start : -1
      if (this.nextIndent !== indent) break
      if (this.atSeqEntry()) this.unhandled('sequence entry where a key was expected')
    }
    if (this.nextIndent > indent) this.unhandled('unexpected indentation')
    if (indent === 0 && emptyAt >= 0 && this.text.charCodeAt(this.pos) === Ch.Dash) {
      valueEnd = this.emptyValueEndBeforeDocumentStart(emptyAt)
    }
    const built = this.nodes.finishMap(map, start, valueEnd)
    this.closeCollection(indent, valueEnd)
    return built
  }

  private readBlockSeq(indent: number, indentless: boolean): Built {
    const seq = this.nodes.beginSeq()
    const start = this.pos
    let itemEnd: number
    let startHasComment = false
    for (;;) {
      this.pos++
      this.nodes.push(seq, this.readBlockValue(indent, false, startHasComment))
      itemEnd = this.lastEnd
      if (this.nextIndent !== indent) break
      if (!this.atSeqEntry()) {
        if (indentless) break
        this.unhandled('mapping entry where a sequence entry was expected')
      }
      startHasComment = this.pendingComment >= 0
    }
    if (this.nextIndent > indent) this.unhandled('unexpected indentation')
    const built = this.nodes.finishSeq(seq, start, itemEnd)
    this.closeCollection(indent, itemEnd)
    return built
  }

  /**
   * Reads the value after `key:` or `-` in a collection indented `d`. `startHasComment`: comment lines came
   * before this sequence entry (they make an empty entry reach the next content, as a comment after it does).
   */
  private readBlockValue(d: number, inMap: boolean, startHasComment: boolean): Built {
    const t = this.text
    let c = t.charCodeAt(this.pos)
    while (c === Ch.Space) c = t.charCodeAt(++this.pos)
    // go-yaml v2 does not skip a tab after an indicator; the `yaml` package does
    if (c === Ch.Tab) this.unhandled('tab after an indicator')
    if (c !== Ch.Hash && !isBreakOrEnd(c)) return this.readNode(d, !inMap, false)
    const emptyAt = this.pos
    this.endOfLine('unexpected content')
    this.scanGap(NO_ABSORB)
    if (this.nextIndent > d) return this.readNode(d, true, false)
    if (this.nextIndent === d && inMap && this.atSeqEntry()) return this.readBlockSeq(d, true)
    const built = this.nodes.empty(emptyAt)
    this.lastEnd = c === Ch.Hash || startHasComment || this.pendingComment >= 0 ? this.pos : emptyAt
    this.pendingComment = -1
    return built
  }

  /**
   * At a `---`, the `yaml` package hands the lines after an empty last value of a column-0 mapping to the next item
   * from the second line break on (counted after the last comment indented past column 0); the value ends before it.
   */
  private emptyValueEndBeforeDocumentStart(emptyAt: number): number {
    const t = this.text
    let breaks: number[] = []
    let firstComment = -1
    for (let p = emptyAt, first = true; p < this.pos; first = false) {
      let q = p
      while (t.charCodeAt(q) === Ch.Space) q++
      if (t.charCodeAt(q) === Ch.Hash) {
        if (!first && q > p) breaks = []
        if (firstComment < 0) firstComment = q
      }
      const e = this.lineEnd(q)
      breaks.push(e)
      p = this.afterBreak(e)
    }
    const keptEnd = breaks.length >= 2 ? breaks[1] : this.pos
    return firstComment >= 0 && firstComment < keptEnd ? keptEnd : emptyAt
  }

  /** After a scalar, alias or flow collection inside a collection indented `d`: its line, then the lines to the next content. */
  private finishValue(d: number): void {
    this.endOfLine('unexpected content after a value')
    const lineEnd = this.pos
    this.scanGap(d)
    this.lastEnd = this.absorbedEnd >= 0 ? this.absorbedEnd : lineEnd
  }

  /** A collection whose last value ended at `valueEnd` closes; it keeps the waiting comments deep enough for it. */
  private closeCollection(indent: number, valueEnd: number): void {
    if (this.pendingComment >= indent && indent !== 0) {
      this.lastEnd = this.pos
      this.pendingComment = -1
    } else {
      this.lastEnd = valueEnd
    }
  }

  /** Skips blanks and a comment to the end of the line, and the line break. */
  private endOfLine(reason: string): void {
    const t = this.text
    let c = t.charCodeAt(this.pos)
    const from = this.pos
    while (c === Ch.Space || c === Ch.Tab) c = t.charCodeAt(++this.pos)
    if (c === Ch.Hash) {
      const before = t.charCodeAt(this.pos - 1)
      // libyaml takes `#` right after a token as a comment; the `yaml` package rejects it
      if (this.pos === from && before !== Ch.Space && before !== Ch.Tab) this.unhandled('comment without a blank before it')
      this.pos = this.lineEnd(this.pos)
      c = t.charCodeAt(this.pos)
    }
    if (c === Ch.LF || c === Ch.CR) this.pos = this.afterBreak(this.pos)
    else if (c === c) this.unhandled(reason)
  }

  /**
   * From a line start, skips empty and comment lines up to the next content (pos, nextIndent). Comment lines indented
   * deeper than `absorbAbove` and not preceded by a shallower one are kept by the value before the gap (absorbedEnd);
   * the others wait (pendingComment).
   */
  private scanGap(absorbAbove: number): void {
    const t = this.text
    let p = this.pos
    let clean = true
    let comment = -1
    this.absorbedEnd = -1
    for (;;) {
      let n = 0
      while (t.charCodeAt(p + n) === Ch.Space) n++
      const c = t.charCodeAt(p + n)
      if (c === Ch.LF || c === Ch.CR) {
        p = this.afterBreak(p + n)
        continue
      }
      if (c !== c) {
        this.pos = this.len
        this.nextIndent = -1
        break
      }
      // go-yaml v2 rejects tabs where a line's indentation is read
      if (c === Ch.Tab) this.unhandled('tab in indentation', p + n)
      if (c === Ch.Hash) {
        const end = this.lineEnd(p + n)
        const next = end < this.len ? this.afterBreak(end) : end
        if (clean && n > absorbAbove) {
          this.absorbedEnd = next
        } else {
          clean = false
          if (n > comment) comment = n
        }
        p = next
        continue
      }
      if (n === 0) {
        if (this.isDocumentMarker(p)) {
          this.pos = p
          this.nextIndent = -1
          break
        }
        if (c === Ch.Percent) this.unhandled('directive', p)
      }
      this.pos = p + n
      this.nextIndent = n
      break
    }
    this.pendingComment = comment
  }

  /** After a quoted scalar: blanks, then `:` and a blank. pos does not move. */
  private colonFollows(): boolean {
    const t = this.text
    let i = this.pos
    while (t.charCodeAt(i) === Ch.Space || t.charCodeAt(i) === Ch.Tab) i++
    return t.charCodeAt(i) === Ch.Colon && isBlankOrEnd(t.charCodeAt(i + 1))
  }

  private atSeqEntry(): boolean {
    return this.text.charCodeAt(this.pos) === Ch.Dash && isBlankOrEnd(this.text.charCodeAt(this.pos + 1))
  }
}
