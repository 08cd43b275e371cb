// Shared words of the rules on secrets written where anyone who can read the object sees them (env values,
// ConfigMap data): which names look like a credential, which values contain a private key, and which values are
// plainly not a secret whatever the name says (a file path, a URL, a flag), so that those stay quiet.

/** Polaris' sensitiveContainerEnvVar and sensitiveConfigmapContent names, as regular expressions (case ignored) */
export const SENSITIVE_NAME_PATTERNS: readonly string[] = [
  '^AWS_SECRET_ACCESS_KEY$',
  '^GOOGLE_APPLICATION_CREDENTIALS$',
  '^AZURE_.+KEY$',
  '^OCI_CLI_KEY_CONTENT$',
  'password',
  'token',
  'bearer',
  'secret',
]

/** the option's patterns compiled once per run; an unparsable pattern is compared as plain text */
export function namePatterns(option: unknown): RegExp[] {
  const written = Array.isArray(option) ? option.filter((p): p is string => typeof p === 'string') : SENSITIVE_NAME_PATTERNS
  return written.map((p) => {
    try {
      return new RegExp(p, 'i')
    } catch {
      return new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')
    }
  })
}

// last words of a name that says it points at a credential rather than holds one: SECRET_NAME, TOKEN_FILE,
// passwordPath, api-token-secret-namespace, TOKEN_URL
const REFERENCE_WORDS = new Set(['name', 'names', 'namespace', 'ref', 'file', 'path', 'dir', 'template', 'url', 'uri', 'endpoint'])

/** the last word of a name in SNAKE_CASE, kebab-case, dotted.case or camelCase */
const lastWord = (name: string): string => (name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[-_.]/).filter(Boolean).pop() ?? '').toLowerCase()

/** the name matches a pattern, and does not name a credential that is kept elsewhere */
export const sensitiveName = (name: string, patterns: readonly RegExp[]): boolean => !REFERENCE_WORDS.has(lastWord(name)) && patterns.some((p) => p.test(name))

// PEM armour of a private key: PRIVATE KEY, RSA PRIVATE KEY, ENCRYPTED PRIVATE KEY, OPENSSH PRIVATE KEY, PGP PRIVATE KEY BLOCK
const PRIVATE_KEY = /-BEGIN\s+(?:[A-Z0-9]+\s+)*PRIVATE KEY/i

/** the value holds a PEM-armoured private key */
export const hasPrivateKey = (value: string): boolean => PRIVATE_KEY.test(value)

/**
 * A value no one would call a secret, whatever its name: empty, a flag or a number, a file path (PASSWORD_FILE,
 * GOOGLE_APPLICATION_CREDENTIALS name a file), a URL without credentials (TOKEN_URL), a `$(VAR)` reference to
 * another variable, or a placeholder a template fills in.
 */
export function plainlyNotSecret(value: string): boolean {
  const v = value.trim()
  if (v === '') return true
  if (/^(true|false|yes|no|on|off|enabled?|disabled?|none|null)$/i.test(v)) return true
  if (/^-?\d+(\.\d+)?[a-z]{0,2}$/i.test(v)) return true
  if (/^(\/|\.\.?\/|~\/)\S*$/.test(v)) return true
  // no user:password@ and no query string, where a token would go
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@?\s]*(\/[^?\s]*)?$/i.test(v)) return true
  if (/^\$\([A-Za-z_][A-Za-z0-9_.-]*\)$/.test(v) || /^\$\{[^}]+\}$/.test(v) || /^\{\{.*\}\}$/.test(v)) return true
  return false
}
