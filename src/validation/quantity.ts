// resource.Quantity as the API server reads it: exact values (BigInt), its rounding, comparison and printing.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface Quantity {
  /** value = mantissa × 10^scale, exactly */
  mantissa: bigint
  scale: number
  /** the format the value was written in; String() prints in it */
  format: QuantityFormat
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 }
const SHAPE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/

/** Parses a quantity as the API server decodes it (values below 1n are rounded up to 1n); undefined when it does not decode. */
export function parseQuantity(value: unknown): Quantity | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined
  if (text === undefined || text === '') return undefined
  const m = SHAPE.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const [, sign, whole, fraction = '', suffix] = m
  let mantissa = BigInt(`${whole}${fraction}` || '0')
  if (sign === '-') mantissa = -mantissa
  let scale = -fraction.length
  let format: QuantityFormat
  if (suffix in DECIMAL) {
    scale += DECIMAL[suffix]
    format = 'DecimalSI'
  } else if (suffix in BINARY) {
    mantissa *= 1024n ** BigInt(BINARY[suffix])
    format = 'BinarySI'
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    scale += Number(suffix.slice(1))
    format = 'DecimalExponent'
  } else {
    return undefined
  }
  return roundUp({ mantissa, scale, format }, -9)
}

/** rounds away from zero to 10^minScale, as Quantity.RoundUp does (the server rounds ResourceLists to milli precision) */
export function roundUp(q: Quantity, minScale: number): Quantity {
  if (q.scale >= minScale) return q
  const div = 10n ** BigInt(minScale - q.scale)
  let mantissa = q.mantissa / div
  if (mantissa * div !== q.mantissa) mantissa += q.mantissa < 0n ? -1n : 1n
  return { mantissa, scale: minScale, format: q.format }
}

/** the quantity of a container's ResourceList entry, as validation sees it (after SetDefaults_ResourceList) */
export const resourceQuantity = (value: unknown): Quantity | undefined => {
  const q = parseQuantity(value)
  return q && roundUp(q, -3)
}

function aligned(a: Quantity, b: Quantity): [bigint, bigint] {
  const scale = Math.min(a.scale, b.scale)
  return [a.mantissa * 10n ** BigInt(a.scale - scale), b.mantissa * 10n ** BigInt(b.scale - scale)]
}

/** -1, 0 or 1, comparing values (500m equals 0.5) */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const [x, y] = aligned(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** a + b exactly (Quantity.Add: the result keeps a's format unless a is zero) */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const [x, y] = aligned(a, b)
  return { mantissa: x + y, scale: Math.min(a.scale, b.scale), format: a.mantissa === 0n ? b.format : a.format }
}

export const sign = (q: Quantity): number => (q.mantissa < 0n ? -1 : q.mantissa > 0n ? 1 : 0)

/** the value in thousandths, rounded up (Quantity.MilliValue) */
export function milliValue(q: Quantity): bigint {
  const r = roundUp(q, -3)
  return r.mantissa * 10n ** BigInt(r.scale + 3)
}

/** the value rounded up to an integer (Quantity.Value) */
export function integerValue(q: Quantity): bigint {
  const r = roundUp(q, 0)
  return r.mantissa * 10n ** BigInt(r.scale)
}

/** a value with a fractional part (Quantity.AsScale(0) not exact) */
export function isFractional(q: Quantity): boolean {
  return q.scale < 0 && q.mantissa % 10n ** BigInt(-q.scale) !== 0n
}

const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** Quantity.String(): the canonical form (500m for 0.5, 1k for 1000, 1536Mi for 1.5Gi) */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0'
  let format = q.format
  if (format === 'BinarySI') {
    const small = compareQuantities(q, { mantissa: 1024n, scale: 0, format }) < 0 && compareQuantities(q, { mantissa: -1024n, scale: 0, format }) > 0
    if (small || isFractional(q)) format = 'DecimalSI'
  }
  if (format === 'BinarySI') {
    let n = integerValue(q)
    let exponent = 0
    while (exponent < 6 && n % 1024n === 0n) {
      n /= 1024n
      exponent++
    }
    return `${n}${BINARY_SUFFIX[exponent]}`
  }
  let { mantissa, scale } = q
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    scale++
  }
  const down = ((scale % 3) + 3) % 3
  mantissa *= 10n ** BigInt(down)
  scale -= down
  if (format === 'DecimalExponent') return scale === 0 ? `${mantissa}` : `${mantissa}e${scale}`
  const suffix = DECIMAL_SUFFIX[scale]
  if (suffix !== undefined) return `${mantissa}${suffix}`
  // beyond E or below n: apimachinery falls back to the exponent form
  return `${mantissa}e${scale}`
}
