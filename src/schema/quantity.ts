// resource.Quantity as the API server decodes it (k8s.io/apimachinery/pkg/api/resource ParseQuantity): the regular
// expression below is only what its error message quotes; the parser itself is what decides.

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix"

// sign, digits, optional fraction, then the characters the parser collects as a suffix and an optional exponent
const SHAPE = /^[+-]?[0-9]*(?:\.[0-9]*)?([eEinumkKMGTP]*[-+]?[0-9]*)$/
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'])

/** The decode error for a JSON value where a Quantity goes, or undefined when it decodes. Numbers always do. */
export function quantityError(value: unknown): string | undefined {
  if (typeof value === 'number') return undefined
  if (typeof value !== 'string') return QUANTITY_FORMAT_ERROR
  const s = value.trim()
  if (s === '') return QUANTITY_FORMAT_ERROR
  const m = SHAPE.exec(s)
  if (!m) return QUANTITY_FORMAT_ERROR
  const suffix = m[1]
  return SUFFIXES.has(suffix) || /^[eE][-+]?[0-9]+$/.test(suffix) ? undefined : QUANTITY_SUFFIX_ERROR
}
