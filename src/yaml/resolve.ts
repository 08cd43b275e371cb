// Plain-scalar resolution exactly as Kubernetes decodes YAML: sigs.k8s.io/yaml on go-yaml v2, i.e. YAML 1.1
// booleans (yes/on/y…), Go integer syntax after removing underscores (0644 is octal 420), no sexagesimal numbers,
// and timestamps kept as strings.

const WORDS = new Map<string, null | boolean | number>()
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(w, true)
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(w, false)
for (const w of ['~', 'null', 'Null', 'NULL']) WORDS.set(w, null)
for (const w of ['.nan', '.NaN', '.NAN']) WORDS.set(w, NaN)
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(w, Infinity)
for (const w of ['-.inf', '-.Inf', '-.INF']) WORDS.set(w, -Infinity)

// strconv.ParseInt(s, 0, 64) / ParseUint syntax: sign, then 0x / 0o / 0b / leading-0 octal / decimal
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))$/
// go-yaml v2's yamlStyleFloat
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
const INT64_MIN = -(2n ** 63n)
const UINT64_MAX = 2n ** 64n - 1n

/** The value of a plain (unquoted, untagged) scalar. Non-finite numbers are returned as such; callers flag them. */
export function resolvePlainScalar(source: string): unknown {
  if (source.length === 0) return null
  const first = source.charCodeAt(0)
  const hint = hintOf(first)
  if (hint === Hint.None) return source
  const word = WORDS.get(source)
  if (word !== undefined) return word
  if (hint === Hint.Word) return source
  if (hint === Hint.Dot) return DOT_FLOAT.test(source) ? Number(source) : source
  const plain = source.includes('_') ? source.replaceAll('_', '') : source
  const int = parseGoInt(plain)
  if (int !== undefined) return int
  if (YAML_FLOAT.test(plain)) {
    const f = Number(plain)
    if (Number.isFinite(f)) return f
  }
  return source
}

const enum Hint {
  None,
  Word,
  Dot,
  Number,
}

function hintOf(c: number): Hint {
  if ((c >= 48 && c <= 57) || c === 43 || c === 45) return Hint.Number // 0-9 + -
  if (c === 46) return Hint.Dot
  // y Y n N t T f F o O ~
  if (c === 121 || c === 89 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 111 || c === 79 || c === 126) {
    return Hint.Word
  }
  return Hint.None
}

function parseGoInt(s: string): number | undefined {
  const m = GO_INT.exec(s)
  if (!m) return undefined
  const [, sign, hex, oct, bin, zeroOct, dec] = m
  let n: bigint
  if (hex !== undefined) n = BigInt('0x' + hex)
  else if (oct !== undefined) n = BigInt('0o' + oct)
  else if (bin !== undefined) n = BigInt('0b' + bin)
  else if (zeroOct !== undefined) n = zeroOct.length > 1 ? BigInt('0o' + zeroOct.slice(1)) : 0n
  else n = BigInt(dec)
  if (sign === '-') n = -n
  // ParseInt accepts int64; failing that, ParseUint accepts an unsigned uint64
  if (n >= INT64_MIN && n <= UINT64_MAX && !(sign !== '' && n >= 2n ** 63n)) return Number(n)
  return undefined
}

/** The string Kubernetes uses as the key for a non-string scalar key (`on:` becomes "true", `0644:` becomes "420"). */
export function keyString(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (Number.isNaN(value)) return '.nan'
      if (value === Infinity) return '.inf'
      if (value === -Infinity) return '-.inf'
      return String(value)
    default:
      return undefined
  }
}
