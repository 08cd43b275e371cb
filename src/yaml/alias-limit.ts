// go-yaml v2's guard against alias bombs (decode.go allowedAliasRatio): a document whose decoding is mostly
// alias expansion is refused, with a ratio that tightens as the document grows.

/** `visits`: nodes decoded once; `aliasVisits`: nodes decoded again through aliases */
export function exceedsAliasLimit(visits: number, aliasVisits: number): boolean {
  const decodes = visits + aliasVisits
  if (aliasVisits <= 100 || decodes <= 1000) return false
  const low = 400_000
  const high = 4_000_000
  const allowed = decodes <= low ? 0.99 : decodes >= high ? 0.1 : 0.99 - 0.89 * ((decodes - low) / (high - low))
  return aliasVisits / decodes > allowed
}
