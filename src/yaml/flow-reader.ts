// Flow collections (`[...]`, `{...}`) and the nodes inside them. Like libyaml, indentation is not checked inside
// flow context: only document markers at the start of a line end it.
import { MERGE_KEY, NodeComposer, type Built } from './node-composer.js'
import { PlainStop, ScalarReader } from './scalar-reader.js'
import { Ch, isAnchorChar, isBlankOrEnd, isFlowIndicator } from './text-cursor.js'

/** libyaml only takes a key that ends within 1024 characters of its start. */
export const MAX_KEY_LENGTH = 1024

export class FlowReader extends ScalarReader {
  protected nodes = new NodeComposer()

  /** Reads the flow collection at pos; pos ends after its closing bracket. */
  protected readFlowCollection(): Built {
    return this.text.charCodeAt(this.pos) === Ch.LBracket ? this.readFlowSeq() : this.readFlowMap()
  }

  private readFlowSeq(): Built {
    const start = this.pos++
    const seq = this.nodes.beginSeq()
    this.skipFlowSpace()
    for (;;) {
      if (this.text.charCodeAt(this.pos) === Ch.RBracket) break
      this.nodes.push(seq, this.readFlowNode())
      this.skipFlowSpace()
      const c = this.text.charCodeAt(this.pos)
      if (c === Ch.Comma) {
        this.pos++
        this.skipFlowSpace()
      } else if (c !== Ch.RBracket) {
        this.unhandled('unusual flow sequence entry')
      }
    }
    this.pos++
    return this.nodes.finishSeq(seq, start, this.pos)
  }

  private readFlowMap(): Built {
    const t = this.text
    const start = this.pos++
    const map = this.nodes.beginMap()
    this.skipFlowSpace()
    for (;;) {
      let c = t.charCodeAt(this.pos)
      if (c === Ch.RBrace) break
      const keyStart = this.pos
      let keyText: string
      const plain = c !== Ch.DQuote && c !== Ch.SQuote
      if (!plain) {
        keyText = c === Ch.DQuote ? this.readDoubleQuoted() : this.readSingleQuoted()
        if (this.quotedMultiline) this.unhandled('multi-line flow key', keyStart)
      } else {
        if (!this.startsPlain(c, true)) this.unhandled('unusual flow key')
        const end = this.scanPlainLine(keyStart, true)
        if (this.plainStop !== PlainStop.Colon) this.unhandled('flow mapping entry without a value on its line', end)
        keyText = t.slice(keyStart, end)
        this.pos = end
      }
      const keyEnd = this.pos
      while ((c = t.charCodeAt(this.pos)) === Ch.Space || c === Ch.Tab) this.pos++
      if (c !== Ch.Colon) this.unhandled('flow mapping key without a colon on its line')
      if (this.pos - keyStart > MAX_KEY_LENGTH) this.unhandled('key longer than 1024 characters', keyStart)
      this.pos++
      const key = this.nodes.key(map, keyText, plain, keyStart, keyEnd)
      this.skipFlowSpace()
      c = t.charCodeAt(this.pos)
      if (c === Ch.Comma || c === Ch.RBrace) this.unhandled('empty flow mapping value')
      const value = this.readFlowNode()
      if (key === MERGE_KEY) this.nodes.merge(map, value, keyStart)
      else this.nodes.setValue(map, key, keyStart, keyEnd, value)
      this.skipFlowSpace()
      c = t.charCodeAt(this.pos)
      if (c === Ch.Comma) {
        this.pos++
        this.skipFlowSpace()
      } else if (c !== Ch.RBrace) {
        this.unhandled('unusual flow mapping entry')
      }
    }
    this.pos++
    return this.nodes.finishMap(map, start, this.pos)
  }

  private readFlowNode(): Built {
    const t = this.text
    const c = t.charCodeAt(this.pos)
    const start = this.pos
    switch (c) {
      case Ch.LBracket:
        return this.readFlowSeq()
      case Ch.LBrace:
        return this.readFlowMap()
      case Ch.DQuote: {
        const value = this.readDoubleQuoted()
        return this.nodes.quoted(value, start, this.pos)
      }
      case Ch.SQuote: {
        const value = this.readSingleQuoted()
        return this.nodes.quoted(value, start, this.pos)
      }
      case Ch.Star: {
        const name = this.readAnchorName(true)
        return this.nodes.alias(name, start, this.pos)
      }
      case Ch.Amp: {
        const name = this.readAnchorName(true)
        this.skipFlowSpace()
        const next = t.charCodeAt(this.pos)
        if (isFlowIndicator(next) || next === Ch.Amp) this.unhandled('unusual anchored flow node')
        this.nodes.beginAnchor(name)
        const built = this.readFlowNode()
        this.nodes.endAnchor(name, built)
        return built
      }
    }
    if (!this.startsPlain(c, true)) this.unhandled('unusual flow node')
    const value = this.readPlain(0, true)
    return this.nodes.plain(value, start, this.pos)
  }

  /** Whether `c` at pos may start a plain scalar (libyaml's rule; in flow context `?x` and `:x` are left to the reference). */
  protected startsPlain(c: number, inFlow: boolean): boolean {
    switch (c) {
      case Ch.Dash:
        return !isBlankOrEnd(this.text.charCodeAt(this.pos + 1)) && !(inFlow && isFlowIndicator(this.text.charCodeAt(this.pos + 1)))
      case Ch.Question:
      case Ch.Colon:
        return !inFlow && !isBlankOrEnd(this.text.charCodeAt(this.pos + 1))
      case Ch.Comma:
      case Ch.LBracket:
      case Ch.RBracket:
      case Ch.LBrace:
      case Ch.RBrace:
      case Ch.Hash:
      case Ch.Amp:
      case Ch.Star:
      case Ch.Bang:
      case Ch.Pipe:
      case Ch.Gt:
      case Ch.SQuote:
      case Ch.DQuote:
      case Ch.Percent:
      case Ch.At:
      case Ch.Backtick:
      case Ch.Space:
      case Ch.Tab:
      case Ch.LF:
      case Ch.CR:
        return false
    }
    return c === c
  }

  /** Reads `&name` or `*name` at pos; the name must end at a blank (or, in flow context, at `,`, `]` or `}`). */
  protected readAnchorName(inFlow: boolean): string {
    const t = this.text
    const start = this.pos + 1
    let i = start
    while (isAnchorChar(t.charCodeAt(i))) i++
    const c = t.charCodeAt(i)
    if (i === start || !(isBlankOrEnd(c) || (inFlow && (c === Ch.Comma || c === Ch.RBracket || c === Ch.RBrace)))) {
      this.unhandled('unusual anchor or alias name')
    }
    this.pos = i
    return t.slice(start, i)
  }

  /** Skips blanks, line breaks and comments inside a flow collection. */
  protected skipFlowSpace(): void {
    const t = this.text
    for (;;) {
      const c = t.charCodeAt(this.pos)
      if (c === Ch.Space || c === Ch.Tab) {
        this.pos++
      } else if (c === Ch.LF || c === Ch.CR) {
        this.pos = this.afterBreak(this.pos)
        if (this.isDocumentMarker(this.pos)) this.unhandled('document marker in a flow collection')
      } else if (c === Ch.Hash) {
        const before = t.charCodeAt(this.pos - 1)
        // libyaml takes `#` right after a token as a comment; the `yaml` package rejects it
        if (before !== Ch.Space && before !== Ch.Tab && before !== Ch.LF) this.unhandled('comment without a blank before it')
        this.pos = this.lineEnd(this.pos)
      } else {
        return
      }
    }
  }
}
