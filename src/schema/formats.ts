// String and number formats, checked the way the API server's decoder checks them (Go's encoding/base64,
// time.Parse(time.RFC3339), int32/int64 fields), plus the lenient CRD formats of kube-openapi.

const INT32 = [-2147483648, 2147483647] as const

/** "int32" or "int64" when the number does not fit a Go integer field of that format. */
export function integerOverflow(format: string | undefined, n: number): boolean {
  if (format === 'int32') return n < INT32[0] || n > INT32[1]
  // 2^63 is the first number past int64's range that a JavaScript number can hold exactly
  if (format === 'int64') return n < -(2 ** 63) || n >= 2 ** 63
  return false
}

export function integerRange(format: 'int32' | 'int64'): string {
  const [min, max] = format === 'int32' ? INT32 : ['-9223372036854775808', '9223372036854775807']
  return `${min} and ${max}`
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/

/** metav1.Time and MicroTime decode with time.Parse(time.RFC3339, s): fixed separators, ranges checked. */
export function isRfc3339(s: string): boolean {
  const m = RFC3339.exec(s)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  const zoneHour = m[7] === undefined ? 0 : Number(m[7])
  const zoneMinute = m[8] === undefined ? 0 : Number(m[8])
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && zoneHour <= 23 && zoneMinute <= 59
}

// kube-openapi's strfmt accepts RFC 3339 with or without zone colon, fractions and a space or lower-case T
const LENIENT_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** CRD string formats the API server checks; formats it does not know, and numeric ones, accept anything. */
export function crdFormatError(format: string, s: string): string | undefined {
  switch (format) {
    case 'byte': return base64Error(s)
    case 'date-time':
    case 'datetime': return LENIENT_DATE_TIME.test(s) ? undefined : 'must be of type date-time'
    case 'date': return DATE.test(s) ? undefined : 'must be of type date'
    default: return undefined
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Int16Array(256).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i

const NEWLINE = (b: number) => b === 0x0a || b === 0x0d
const PAD = 0x3d

/**
 * The error of Go's base64.StdEncoding.DecodeString, which []byte fields use: padding required, CR and LF
 * skipped, the offset counted in bytes. Undefined when the string decodes (the empty string does).
 */
export function base64Error(s: string): string | undefined {
  const src = Buffer.from(s, 'utf8')
  let si = 0
  while (si < src.length) {
    const r = decodeQuantum(src, si)
    if (r.error !== undefined) return `illegal base64 data at input byte ${r.error}`
    si = r.next
  }
  return undefined
}

// A port of encoding/base64 (*Encoding).decodeQuantum, keeping only what decides the error offset.
function decodeQuantum(src: Uint8Array, start: number): { next: number; error?: number } {
  let si = start
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { next: si }
      return { next: si, error: si - j }
    }
    const c = src[si++]
    if (DECODE[c] !== -1) continue
    if (NEWLINE(c)) {
      j--
      continue
    }
    if (c !== PAD || j < 2) return { next: si, error: si - 1 }
    if (j === 2) {
      while (si < src.length && NEWLINE(src[si])) si++
      if (si === src.length) return { next: si, error: src.length }
      if (src[si] !== PAD) return { next: si, error: si - 1 }
      si++
    }
    while (si < src.length && NEWLINE(src[si])) si++
    return si < src.length ? { next: si, error: si } : { next: si }
  }
  return { next: si }
}
