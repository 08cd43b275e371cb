// "Did you mean": the known field an unknown key was probably meant to be.

/** The closest candidate: equal ignoring case, else within an edit distance of about a third of the longer name. */
export function suggestField(key: string, candidates: Iterable<string>): string | undefined {
  const lower = key.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate
    const limit = Math.max(2, Math.floor(Math.max(key.length, candidate.length) / 3))
    const d = editDistance(lower, candidate.toLowerCase(), limit)
    if (d <= limit && (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best))) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** Levenshtein distance with adjacent transpositions; gives up (returns limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let prevPrev: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1)
      row.push(d)
      rowMin = Math.min(rowMin, d)
    }
    if (rowMin > limit) return limit + 1
    prevPrev = prev
    prev = row
  }
  return prev[b.length]
}
