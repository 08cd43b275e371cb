// Secret contents as the server validates them: data decoded from base64, then stringData merged over it.
import type { Secret } from 'kubernetes-types/core/v1.js'
import { stringMap } from './metadata.js'

/** data[key] → bytes, with stringData's entries replacing data's (the v1 → internal conversion) */
export function secretData(secret: Secret): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (const [k, v] of stringMap(secret.data)) out.set(k, Buffer.from(v, 'base64'))
  for (const [k, v] of stringMap(secret.stringData)) out.set(k, Buffer.from(v, 'utf8'))
  return out
}

/**
 * json.Unmarshal(bytes, &map[string]interface{}{}) of Go: undefined when it succeeds (a JSON object, or null),
 * else its error. Go's exact wording is copied where it is certain (empty input, a bad first character, a value that
 * is not an object); other syntax errors carry JavaScript's description instead.
 */
export function goJsonMapError(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const trimmed = text.replace(/^[ \t\r\n]+/, '')
    if (trimmed === '') return 'unexpected end of JSON input'
    const c = trimmed[0]
    if (!/[{["\-0-9tfn]/.test(c)) return `invalid character ${quoteChar(c)} looking for beginning of value`
    return `not valid JSON (${(e as Error).message})`
  }
  if (value === null || (typeof value === 'object' && !Array.isArray(value))) return undefined
  const type = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value
  return `json: cannot unmarshal ${type} into Go value of type map[string]interface {}`
}

/** a character as Go's scanner quotes it */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`
  if (c === '"') return `'"'`
  const code = c.charCodeAt(0)
  if (code < 0x20) return `'\\x${code.toString(16).padStart(2, '0')}'`
  return `'${c}'`
}
