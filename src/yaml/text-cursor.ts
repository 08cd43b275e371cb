// Character-level helpers shared by the fast reader's stages: a cursor over the text and the character classes
// libyaml uses to cut tokens.
import { Unhandled } from './unhandled.js'

export const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  DQuote = 34,
  Hash = 35,
  Percent = 37,
  Amp = 38,
  SQuote = 39,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Dash = 45,
  Dot = 46,
  Zero = 48,
  One = 49,
  Nine = 57,
  Colon = 58,
  Lt = 60,
  Gt = 62,
  Question = 63,
  At = 64,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Backtick = 96,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
}

/** Space, tab, line break or end of text (charCodeAt past the end is NaN). */
export function isBlankOrEnd(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.LF || c === Ch.CR || c !== c
}

export function isBreakOrEnd(c: number): boolean {
  return c === Ch.LF || c === Ch.CR || c !== c
}

export function isFlowIndicator(c: number): boolean {
  return c === Ch.Comma || c === Ch.LBracket || c === Ch.RBracket || c === Ch.LBrace || c === Ch.RBrace
}

/** Characters libyaml allows in anchor and alias names. */
export function isAnchorChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === Ch.Dash || c === 95
}

// Characters libyaml rejects or reads as line breaks (NEL, LS, PS), and BOMs past the start: the reference decides.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNUSUAL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/

// libyaml reads a lone CR as a line break, the reference does not
const LONE_CR = /\r(?!\n)/

export class TextCursor {
  readonly text: string
  readonly len: number
  pos = 0

  constructor(text: string) {
    this.text = text
    this.len = text.length
    if (UNUSUAL_CHAR.test(text)) this.unhandled('unusual character')
    if (text.includes('\r') && LONE_CR.test(text)) this.unhandled('lone carriage return')
  }

  unhandled(reason: string, at = this.pos): never {
    throw new Unhandled(reason, at)
  }

  /** Column of an offset: distance from the preceding line break. */
  columnOf(at: number): number {
    return at - this.text.lastIndexOf('\n', at - 1) - 1
  }

  /** `---` or `...` at `at` (a line start), followed by a blank or the end. */
  isDocumentMarker(at: number): boolean {
    const t = this.text
    const c = t.charCodeAt(at)
    if (c !== Ch.Dash && c !== Ch.Dot) return false
    return t.charCodeAt(at + 1) === c && t.charCodeAt(at + 2) === c && isBlankOrEnd(t.charCodeAt(at + 3))
  }

  /** Offset just past the line break at `at` (LF or CRLF); a lone CR is not read the way libyaml reads it. */
  afterBreak(at: number): number {
    const c = this.text.charCodeAt(at)
    if (c === Ch.LF) return at + 1
    if (this.text.charCodeAt(at + 1) === Ch.LF) return at + 2
    return this.unhandled('lone carriage return', at)
  }

  /** Offset of the line break ending the line that contains `at`, or the text length. */
  lineEnd(at: number): number {
    const nl = this.text.indexOf('\n', at)
    if (nl === -1) return this.len
    return this.text.charCodeAt(nl - 1) === Ch.CR ? nl - 1 : nl
  }
}
