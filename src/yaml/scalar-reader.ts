// Scalars as libyaml scans them: plain (one or more lines), single- and double-quoted, and block scalars.
// Quoted scalars and flow-context plain scalars ignore indentation, as libyaml does.
import { blockScalarValue, Chomp, type BlockScalarHeader } from './block-scalar.js'
import { Ch, isBlankOrEnd, isBreakOrEnd, isFlowIndicator, TextCursor } from './text-cursor.js'

/** What ended the first line of a plain scalar. */
export const enum PlainStop {
  LineEnd,
  /** `: ` (or `:` before a line break): the scalar is a mapping key */
  Colon,
  /** ` #` */
  Comment,
  /** `,`, `[`, `]`, `{` or `}` in a flow collection */
  FlowIndicator,
}

export class ScalarReader extends TextCursor {
  /** set by scanPlainLine */
  protected plainStop = PlainStop.LineEnd
  /** set by the quoted readers: the scalar spans more than one line */
  protected quotedMultiline = false

  /** End of the plain scalar's content on the line starting at `from` (trailing blanks excluded); sets plainStop. */
  protected scanPlainLine(from: number, inFlow: boolean): number {
    const t = this.text
    let i = from
    let end = from
    for (;;) {
      const c = t.charCodeAt(i)
      if (c === Ch.Colon) {
        const next = t.charCodeAt(i + 1)
        if (isBlankOrEnd(next)) {
          this.plainStop = PlainStop.Colon
          return end
        }
        // go-yaml rejects `x:,`; the `yaml` package reads a key there
        if (inFlow && isFlowIndicator(next)) this.unhandled('colon before a flow indicator', i)
        end = ++i
      } else if (c === Ch.Space || c === Ch.Tab) {
        let j = i + 1
        while (t.charCodeAt(j) === Ch.Space || t.charCodeAt(j) === Ch.Tab) j++
        if (t.charCodeAt(j) === Ch.Hash) {
          this.plainStop = PlainStop.Comment
          return end
        }
        i = j
      } else if (isBreakOrEnd(c)) {
        this.plainStop = PlainStop.LineEnd
        return end
      } else if (inFlow && isFlowIndicator(c)) {
        this.plainStop = PlainStop.FlowIndicator
        return end
      } else {
        // go-yaml ends a flow plain scalar at `?`; the `yaml` package does not
        if (inFlow && c === Ch.Question) this.unhandled('question mark in a flow plain scalar', i)
        end = ++i
      }
    }
  }

  /**
   * Reads a plain scalar starting at pos; continuation lines must be indented at least `minIndent` (ignored in flow
   * context). Leaves pos at the end of its content and plainStop describing what followed it.
   */
  protected readPlain(minIndent: number, inFlow: boolean): string {
    const t = this.text
    const start = this.pos
    let end = this.scanPlainLine(start, inFlow)
    if (this.plainStop !== PlainStop.LineEnd) {
      this.pos = end
      return t.slice(start, end)
    }
    let value: string | undefined
    let lineEnd = this.lineEnd(end)
    while (lineEnd < this.len) {
      let p = this.afterBreak(lineEnd)
      let breaks = 1
      let n: number
      let c: number
      for (;;) {
        n = 0
        while (t.charCodeAt(p + n) === Ch.Space) n++
        c = t.charCodeAt(p + n)
        if (c === Ch.Tab) this.unhandled('tab in the indentation of a plain scalar', p + n)
        if (c !== Ch.LF && c !== Ch.CR) break
        p = this.afterBreak(p + n)
        breaks++
      }
      if (c !== c) break
      if (!inFlow && n < minIndent) break
      if (n === 0 && this.isDocumentMarker(p)) {
        if (inFlow) this.unhandled('document marker in a flow collection', p)
        break
      }
      if (c === Ch.Hash) break
      if (inFlow && (isFlowIndicator(c) || c === Ch.Colon)) break
      const lineStart = p + n
      const e = this.scanPlainLine(lineStart, inFlow)
      const stop = this.plainStop as PlainStop
      if (stop === PlainStop.Colon) this.unhandled('mapping value inside a multi-line plain scalar', e)
      value = (value ?? t.slice(start, end)) + (breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)) + t.slice(lineStart, e)
      end = e
      if (this.plainStop !== PlainStop.LineEnd) break
      lineEnd = this.lineEnd(end)
    }
    if (value === undefined) {
      this.plainStop = PlainStop.LineEnd
      value = t.slice(start, end)
    }
    this.pos = end
    return value
  }

  /** Reads a double-quoted scalar at pos; pos ends after the closing quote. */
  protected readDoubleQuoted(): string {
    const t = this.text
    let i = this.pos + 1
    let seg = i
    let out = ''
    this.quotedMultiline = false
    for (;;) {
      const c = t.charCodeAt(i)
      if (c === Ch.DQuote) {
        this.pos = i + 1
        return out + t.slice(seg, i)
      }
      if (c === Ch.Backslash) {
        out += t.slice(seg, i)
        i = this.readEscape(i)
        out += this.escaped
        seg = i
      } else if (c === Ch.LF || c === Ch.CR) {
        out += trimTrailingBlanks(t, seg, i) + this.foldBreaks(i)
        i = seg = this.pos
      } else if (c !== c) {
        this.unhandled('unterminated quoted scalar', i)
      } else {
        i++
      }
    }
  }

  /** Reads a single-quoted scalar at pos; pos ends after the closing quote. */
  protected readSingleQuoted(): string {
    const t = this.text
    let i = this.pos + 1
    let seg = i
    let out = ''
    this.quotedMultiline = false
    for (;;) {
      const c = t.charCodeAt(i)
      if (c === Ch.SQuote) {
        if (t.charCodeAt(i + 1) !== Ch.SQuote) {
          this.pos = i + 1
          return out + t.slice(seg, i)
        }
        out += t.slice(seg, i + 1)
        i += 2
        seg = i
      } else if (c === Ch.LF || c === Ch.CR) {
        out += trimTrailingBlanks(t, seg, i) + this.foldBreaks(i)
        i = seg = this.pos
      } else if (c !== c) {
        this.unhandled('unterminated quoted scalar', i)
      } else {
        i++
      }
    }
  }

  /** Folds the line breaks at `at` and the blanks around them; leaves pos at the next content. */
  private foldBreaks(at: number): string {
    const t = this.text
    this.quotedMultiline = true
    let i = at
    let breaks = 0
    for (;;) {
      const c = t.charCodeAt(i)
      if (c === Ch.LF || c === Ch.CR) {
        i = this.afterBreak(i)
        breaks++
        if (this.isDocumentMarker(i)) this.unhandled('document marker inside a quoted scalar', i)
      } else if (c === Ch.Space || c === Ch.Tab) {
        i++
      } else {
        break
      }
    }
    this.pos = i
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)
  }

  private escaped = ''

  /** Reads the escape sequence at `at` into `escaped`; returns the offset after it. */
  private readEscape(at: number): number {
    const t = this.text
    const e = t.charCodeAt(at + 1)
    let hex = 0
    switch (e) {
      case 48: this.escaped = '\0'; break // 0
      case 97: this.escaped = '\x07'; break // a
      case 98: this.escaped = '\b'; break // b
      case 116: case Ch.Tab: this.escaped = '\t'; break // t
      case 110: this.escaped = '\n'; break // n
      case 118: this.escaped = '\v'; break // v
      case 102: this.escaped = '\f'; break // f
      case 114: this.escaped = '\r'; break // r
      case 101: this.escaped = '\x1b'; break // e
      case Ch.Space: this.escaped = ' '; break
      case Ch.DQuote: this.escaped = '"'; break
      case Ch.Backslash: this.escaped = '\\'; break
      case 78: this.escaped = '\u0085'; break // N
      case 95: this.escaped = '\u00a0'; break // _
      case 76: this.escaped = '\u2028'; break // L
      case 80: this.escaped = '\u2029'; break // P
      case 120: hex = 2; break // x
      case 117: hex = 4; break // u
      case 85: hex = 8; break // U
      case Ch.LF:
      case Ch.CR:
        return this.escapedBreak(at + 1)
      default:
        // includes `\/` and `\'`, on which go-yaml v2 and the `yaml` package may disagree
        return this.unhandled('unusual escape sequence', at)
    }
    if (hex === 0) return at + 2
    const digits = t.slice(at + 2, at + 2 + hex)
    if (digits.length !== hex || !/^[0-9a-fA-F]+$/.test(digits)) this.unhandled('bad escape sequence', at)
    const code = parseInt(digits, 16)
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) this.unhandled('escape of an invalid code point', at)
    this.escaped = String.fromCodePoint(code)
    return at + 2 + hex
  }

  /** `\` at the end of a line joins the lines; blanks that start the next one are dropped. */
  private escapedBreak(at: number): number {
    const t = this.text
    let i = this.afterBreak(at)
    this.quotedMultiline = true
    if (this.isDocumentMarker(i)) this.unhandled('document marker inside a quoted scalar', i)
    while (t.charCodeAt(i) === Ch.Space || t.charCodeAt(i) === Ch.Tab) i++
    // an empty line after an escaped break is folded differently by the two readers
    if (t.charCodeAt(i) === Ch.LF || t.charCodeAt(i) === Ch.CR) this.unhandled('empty line after an escaped line break', i)
    this.escaped = ''
    return i
  }

  /**
   * Reads a block scalar whose header is at pos, inside a collection indented `parentIndent`. pos ends where the
   * `yaml` package ends the scalar's range: after the last line that belongs to it (trailing empty lines only with `+`).
   */
  protected readBlockScalar(parentIndent: number): string {
    const t = this.text
    const header: BlockScalarHeader = { literal: t.charCodeAt(this.pos) === Ch.Pipe, chomp: Chomp.Clip, indent: 0 }
    let i = this.pos + 1
    for (let k = 0; k < 2; k++) {
      const c = t.charCodeAt(i)
      if ((c === Ch.Dash || c === Ch.Plus) && header.chomp === Chomp.Clip) {
        header.chomp = c === Ch.Dash ? Chomp.Strip : Chomp.Keep
        i++
      } else if (c >= Ch.One && c <= Ch.Nine && header.indent === 0) {
        header.indent = c - Ch.Zero
        i++
      } else {
        break
      }
    }
    let c = t.charCodeAt(i)
    if (c !== Ch.Space && c !== Ch.Tab && !isBreakOrEnd(c)) this.unhandled('block scalar header', i)
    while (c === Ch.Space || c === Ch.Tab) c = t.charCodeAt(++i)
    if (c === Ch.Hash) i = this.lineEnd(i)
    if (i >= this.len) this.unhandled('empty block scalar', i)
    const bodyStart = this.afterBreak(i)
    const minIndent = parentIndent + (header.indent || 1)

    // the first line with content decides the indentation
    let nl = bodyStart - 1
    let indent = 0
    let widestBlank = 0
    for (i = bodyStart; ; i++) {
      c = t.charCodeAt(i)
      if (c === Ch.Space) indent++
      else if (c === Ch.LF) {
        if (indent > widestBlank) widestBlank = indent
        nl = i
        indent = 0
      } else if (c !== Ch.CR || t.charCodeAt(i + 1) !== Ch.LF) break
    }
    if (c !== c || indent < minIndent) {
      // an empty scalar ends with its header line; with empty lines or blanks after it, the readers disagree
      if (nl !== bodyStart - 1 || c === Ch.Tab || (c !== c && indent > 0)) this.unhandled('empty block scalar', i)
      this.pos = bodyStart
      return ''
    }
    if (c === Ch.Tab) this.unhandled('tab in the indentation of a block scalar', i)
    if (header.indent === 0 ? widestBlank > indent : widestBlank > minIndent) {
      this.unhandled('block scalar with more-indented leading empty lines', i)
    }
    const contentIndent = header.indent === 0 ? indent : minIndent

    // the scalar goes on over empty lines and lines indented at least contentIndent
    let end = nl
    for (;;) {
      let j = end + 1
      let n = 0
      while (t.charCodeAt(j) === Ch.Space) {
        j++
        n++
      }
      c = t.charCodeAt(j)
      const empty = c === Ch.LF || (c === Ch.CR && t.charCodeAt(j + 1) === Ch.LF)
      if (empty && header.indent !== 0 && n > minIndent) this.unhandled('more-indented empty line in a block scalar', j)
      if (!empty && n < contentIndent) {
        if (c === Ch.Tab) this.unhandled('tab in the indentation of a block scalar', j)
        break
      }
      const next = t.indexOf('\n', j)
      if (next === -1) {
        end = this.len
        break
      }
      end = next
    }
    if (header.chomp !== Chomp.Keep) end = this.dropTrailingEmptyLines(end, bodyStart, indent)
    const rangeEnd = Math.min(end + 1, this.len)
    this.pos = rangeEnd
    return blockScalarValue(t.slice(bodyStart, rangeEnd), header, parentIndent)
  }

  /** Without `+`, the scalar's range stops after its last line with content or more than `indent` spaces. */
  private dropTrailingEmptyLines(end: number, bodyStart: number, indent: number): number {
    const t = this.text
    for (;;) {
      let i = end - 1
      let c = t.charCodeAt(i)
      if (c === Ch.CR) c = t.charCodeAt(--i)
      const lastChar = i
      while (c === Ch.Space) c = t.charCodeAt(--i)
      if (c === Ch.LF && i >= bodyStart && i + 1 + indent > lastChar) end = i
      else return end
    }
  }
}

function trimTrailingBlanks(t: string, from: number, to: number): string {
  let e = to
  while (e > from && (t.charCodeAt(e - 1) === Ch.Space || t.charCodeAt(e - 1) === Ch.Tab)) e--
  return t.slice(from, e)
}
