// The API server's shared format checks (apimachinery util/validation), with its exact messages. Each returns
// the list of problems, empty when the value is valid.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?'
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'
const ENV_VAR_NAME = '[-._a-zA-Z][-._a-zA-Z0-9]*'
const CONFIG_KEY = '[-._a-zA-Z0-9]+'
const PERCENT = '[0-9]+%'

const anchored = (re: string) => new RegExp(`^(?:${re})$`)
const reLabel = anchored(DNS1123_LABEL)
const reSubdomain = anchored(DNS1123_SUBDOMAIN)
const re1035 = anchored(DNS1035_LABEL)
const reQualified = anchored(QUALIFIED_NAME)
const reLabelValue = anchored(LABEL_VALUE)
const reEnv = anchored(ENV_VAR_NAME)
const reConfigKey = anchored(CONFIG_KEY)
const rePercent = anchored(PERCENT)

/** RegexError: "<msg> (e.g. 'a',  or 'b', regex used for validation is '<re>')" — two spaces before "or", as upstream */
function regexError(msg: string, re: string, ...examples: string[]): string {
  const e = examples.length ? `e.g. ${examples.map((x) => `'${x}'`).join(',  or ')}, ` : ''
  return `${msg} (${e}regex used for validation is '${re}')`
}

const maxLen = (n: number, unit = 'characters') => `must be no more than ${n} ${unit}`
// Go measures strings in bytes
const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

export function dns1123Label(value: string): string[] {
  const errs: string[] = []
  if (bytes(value) > 63) errs.push(maxLen(63))
  if (!reLabel.test(value)) {
    if (reSubdomain.test(value)) errs.push('must not contain dots')
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL, 'my-name', '123-abc'))
  }
  return errs
}

export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (bytes(value) > 253) errs.push(maxLen(253))
  if (!reSubdomain.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN, 'example.com'))
  }
  return errs
}

export function dns1035Label(value: string): string[] {
  const errs: string[] = []
  if (bytes(value) > 63) errs.push(maxLen(63))
  if (!re1035.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL, 'my-name', 'abc-123'))
  }
  return errs
}

/** label keys, annotation keys (lower-cased first by the caller), finalizers */
export function qualifiedName(value: string, unit: 'bytes' | 'characters' = 'bytes'): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0]
  } else if (parts.length === 2) {
    const [prefix] = parts
    name = parts[1]
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else for (const e of dns1123Subdomain(prefix)) errs.push(`prefix part ${e}`)
  } else {
    return [
      regexError(
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      ) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (bytes(name) > 63) errs.push(`name part ${maxLen(63, unit)}`)
  if (!reQualified.test(name)) {
    errs.push(`name part ${regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')}`)
  }
  return errs
}

export function labelValue(value: string, unit: 'bytes' | 'characters' = 'bytes'): string[] {
  const errs: string[] = []
  if (bytes(value) > 63) errs.push(maxLen(63, unit))
  if (!reLabelValue.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE, 'MyValue', 'my_value', '12345'))
  }
  return errs
}

/** IANA_SVC_NAME: container and service port names */
export function portName(value: string): string[] {
  const errs: string[] = []
  if (bytes(value) > 15) errs.push(maxLen(15))
  if (!/^[-a-z0-9]+$/.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(value)) errs.push('must contain at least one letter (a-z)')
  if (value.includes('--')) errs.push('must not contain consecutive hyphens')
  if (value.startsWith('-') || value.endsWith('-')) errs.push('must not begin or end with a hyphen')
  return errs
}

export function portNumber(value: number): string[] {
  return Number.isInteger(value) && value >= 1 && value <= 65535 ? [] : ['must be between 1 and 65535, inclusive']
}

export function percent(value: string): string[] {
  return rePercent.test(value) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT, '1%', '93%')]
}

/** env var names: strict before Kubernetes 1.32, any printable ASCII but '=' from 1.32 (RelaxedEnvironmentVariableValidation) */
export function envVarName(value: string, relaxed: boolean): string[] {
  if (relaxed) {
    return value.length > 0 && /^[\x20-\x7e]+$/.test(value) && !value.includes('=') ? [] : ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
  }
  const errs: string[] = []
  if (!reEnv.test(value)) {
    errs.push(
      regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_NAME, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'),
    )
  }
  errs.push(...dotsErrors(value))
  return errs
}

export function configMapKey(value: string): string[] {
  const errs: string[] = []
  if (bytes(value) > 253) errs.push(maxLen(253))
  if (!reConfigKey.test(value)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY, 'key.name', 'KEY_NAME', 'key-name'))
  errs.push(...dotsErrors(value))
  return errs
}

function dotsErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

/** the generic check every object name passes through (path segment names) */
export function pathSegmentName(value: string): string[] {
  if (value === '.') return ["may not be '.'"]
  if (value === '..') return ["may not be '..'"]
  const errs: string[] = []
  if (value.includes('/')) errs.push("may not contain '/'")
  if (value.includes('%')) errs.push("may not contain '%'")
  return errs
}
