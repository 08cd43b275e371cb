// Offsets to 1-based line and column (UTF-16 code units, as editors and SARIF count them).

export class LineIndex {
  private starts: number[] | undefined

  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 }
  }

  /** the text of a 1-based line, without its line break */
  lineText(line: number): string {
    const starts = (this.starts ??= lineStarts(this.text))
    const start = starts[line - 1] ?? this.text.length
    let end = starts[line] ?? this.text.length
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--
    return this.text.slice(start, end)
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  let i = text.indexOf('\n')
  while (i !== -1) {
    starts.push(i + 1)
    i = text.indexOf('\n', i + 1)
  }
  return starts
}
