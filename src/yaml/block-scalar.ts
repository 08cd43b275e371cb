// The value of a block scalar (`|` or `>`) from its body, folded and chomped the way the `yaml` package does
// (resolve-block-scalar), which agrees with libyaml on every body the fast reader accepts.

export const enum Chomp {
  Clip,
  Strip,
  Keep,
}

export interface BlockScalarHeader {
  literal: boolean
  chomp: Chomp
  /** explicit indentation indicator, 0 when absent */
  indent: number
}

/** `body`: the lines after the header, as far as the scalar reaches; `parentIndent`: indent of the enclosing collection. */
export function blockScalarValue(body: string, header: BlockScalarHeader, parentIndent: number): string {
  const lines = body.split('\n')
  const count = lines.length
  const indents = new Array<number>(count)
  for (let i = 0; i < count; i++) {
    const line = lines[i]
    let n = 0
    while (line.charCodeAt(n) === 32) n++
    indents[i] = n
    lines[i] = n === 0 ? line : line.slice(n)
  }
  let chompStart = count
  for (let i = count - 1; i >= 0; --i) {
    if (isEmptyContent(lines[i])) chompStart = i
    else break
  }
  let trimIndent = parentIndent + header.indent
  let contentStart = 0
  for (let i = 0; i < chompStart; ++i) {
    if (isEmptyContent(lines[i])) {
      if (header.indent === 0 && indents[i] > trimIndent) trimIndent = indents[i]
    } else {
      if (header.indent === 0) trimIndent = indents[i]
      contentStart = i
      break
    }
  }
  // trailing empty lines that are more indented than the content belong to it
  for (let i = count - 1; i >= chompStart; --i) {
    if (indents[i] > trimIndent) chompStart = i + 1
  }
  let value = ''
  for (let i = 0; i < contentStart; ++i) value += spaces(indents[i] - trimIndent) + '\n'
  let sep = ''
  let prevMoreIndented = false
  for (let i = contentStart; i < chompStart; ++i) {
    const indent = indents[i]
    let content = lines[i]
    if (content.charCodeAt(content.length - 1) === 13) content = content.slice(0, -1)
    if (header.literal) {
      value += sep + spaces(indent - trimIndent) + content
      sep = '\n'
    } else if (indent > trimIndent || content.charCodeAt(0) === 9) {
      if (sep === ' ') sep = '\n'
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n'
      value += sep + spaces(indent - trimIndent) + content
      sep = '\n'
      prevMoreIndented = true
    } else if (content === '') {
      if (sep === '\n') value += '\n'
      else sep = '\n'
    } else {
      value += sep + content
      sep = ' '
      prevMoreIndented = false
    }
  }
  if (header.chomp === Chomp.Keep) {
    for (let i = chompStart; i < count; ++i) value += '\n' + spaces(indents[i] - trimIndent)
    if (value.charCodeAt(value.length - 1) !== 10) value += '\n'
  } else if (header.chomp === Chomp.Clip) {
    value += '\n'
  }
  return value
}

function isEmptyContent(content: string): boolean {
  return content === '' || content === '\r'
}

function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : ''
}
