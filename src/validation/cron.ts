// The CronJob schedule grammar exactly as the API server parses it: robfig/cron/v3 `ParseStandard`
// (minute hour day-of-month month day-of-week, or a descriptor), with the library's own error strings.

interface Bounds {
  min: number
  max: number
  names?: Record<string, number>
}

const MINUTES: Bounds = { min: 0, max: 59 }
const HOURS: Bounds = { min: 0, max: 23 }
const DAYS_OF_MONTH: Bounds = { min: 1, max: 31 }
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
}
const DAYS_OF_WEEK: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } }
const FIELDS = [MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK]

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'])

// Go's strings.Fields splits on unicode.IsSpace
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** Go's strconv.Quote, close enough for the ASCII a schedule holds */
const goQuote = (s: string) => JSON.stringify(s)

/**
 * The error `cron.ParseStandard(schedule)` returns, or undefined when it parses.
 * `isKnownZone` decides the `TZ=`/`CRON_TZ=` prefix's location (Go's time.LoadLocation).
 */
export function parseStandardError(schedule: string, isKnownZone: (zone: string) => boolean = () => true): string | undefined {
  let spec = schedule
  if (spec.length === 0) return 'empty spec string'
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ')
    // with no space Go slices spec[eq+1:-1] and panics; the server's recovery is not a parse error we can word
    if (space < 0) return undefined
    const zone = spec.slice(spec.indexOf('=') + 1, space)
    if (!isKnownZone(zone)) return `provided bad location ${zone}: unknown time zone ${zone}`
    spec = spec.slice(space).trim()
  }
  if (spec.startsWith('@')) return descriptorError(spec)
  const fields = spec.split(GO_SPACE).filter((f) => f !== '')
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`
  for (let i = 0; i < 5; i++) {
    const error = fieldError(fields[i], FIELDS[i])
    if (error) return error
  }
  return undefined
}

function descriptorError(spec: string): string | undefined {
  if (DESCRIPTORS.has(spec)) return undefined
  const every = '@every '
  if (spec.startsWith(every)) {
    const error = goDurationError(spec.slice(every.length))
    return error ? `failed to parse duration ${spec}: ${error}` : undefined
  }
  return `unrecognized descriptor: ${spec}`
}

// strings.FieldsFunc(field, ','): empty pieces are dropped, so "," alone parses (to no bits)
function fieldError(field: string, bounds: Bounds): string | undefined {
  for (const expr of field.split(',').filter((e) => e !== '')) {
    const error = rangeError(expr, bounds)
    if (error) return error
  }
  return undefined
}

function rangeError(expr: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0].split('-')
  const singleDigit = lowAndHigh.length === 1
  let start: bigint
  let end: bigint
  // "*" or "?" ignore whatever follows a hyphen, as the library does
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = BigInt(bounds.min)
    end = BigInt(bounds.max)
  } else {
    const low = parseIntOrName(lowAndHigh[0], bounds.names)
    if (typeof low === 'string') return low
    start = low
    if (lowAndHigh.length === 1) {
      end = start
    } else if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1], bounds.names)
      if (typeof high === 'string') return high
      end = high
    } else {
      return `too many hyphens: ${expr}`
    }
  }
  let step = 1n
  if (rangeAndStep.length === 2) {
    const parsed = mustParseInt(rangeAndStep[1])
    if (typeof parsed === 'string') return parsed
    step = parsed
    if (singleDigit) end = BigInt(bounds.max)
  } else if (rangeAndStep.length > 2) {
    return `too many slashes: ${expr}`
  }
  if (start < BigInt(bounds.min)) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`
  if (end > BigInt(bounds.max)) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`
  if (step === 0n) return `step of range should be a positive number: ${expr}`
  return undefined
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): bigint | string {
  const named = names?.[expr.toLowerCase()]
  if (named !== undefined && Object.hasOwn(names!, expr.toLowerCase())) return BigInt(named)
  return mustParseInt(expr)
}

const INT64_MAX = 9223372036854775807n

/** strconv.Atoi (64-bit int), then the library's negative check */
function mustParseInt(expr: string): bigint | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) return `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`
  const num = BigInt(expr)
  if (num > INT64_MAX || num < -INT64_MAX - 1n) return `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: value out of range`
  if (num < 0n) return `negative number (${num}) not allowed: ${expr}`
  return num
}

const DURATION_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'])

/** the error of Go's time.ParseDuration, or undefined (overflow is not checked) */
export function goDurationError(s: string): string | undefined {
  const orig = s
  const invalid = `time: invalid duration ${goQuote(orig)}`
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1)
  if (s === '0') return undefined
  if (s === '') return invalid
  while (s !== '') {
    const number = /^([0-9]*)(\.([0-9]*))?/.exec(s)!
    if (number[1] === '' && (number[3] === undefined || number[3] === '')) return invalid
    s = s.slice(number[0].length)
    const unit = /^[^0-9.]*/.exec(s)![0]
    if (unit === '') return `time: missing unit in duration ${goQuote(orig)}`
    if (!DURATION_UNITS.has(unit)) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`
    s = s.slice(unit.length)
  }
  return undefined
}

let supportedZones: Set<string> | undefined

/**
 * Whether Go's time.LoadLocation would know this zone, judged by the tz database of Node's Intl (ICU). Go looks
 * names up case-sensitively; Intl does not, so a name that differs from a known one only in case is unknown.
 */
export function isKnownTimeZone(zone: string): boolean {
  // Go's tzdata has "Factory"; ICU has no such zone
  if (zone === 'UTC' || zone === 'Local' || zone === 'Factory') return true
  let resolved: string
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return false
  }
  // ICU accepts UTC offsets ("+05:00"), which are not tz database names
  if (/^[+-]/.test(resolved)) return false
  supportedZones ??= new Set(Intl.supportedValuesOf('timeZone'))
  if (zone === resolved || supportedZones.has(zone)) return true
  const lower = zone.toLowerCase()
  if (resolved.toLowerCase() === lower) return false
  for (const known of supportedZones) if (known.toLowerCase() === lower) return false
  // a link with its own spelling (US/Pacific → America/Los_Angeles): its case cannot be checked, so accept it
  return true
}

const VALID_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/

/** batch validation's validateTimeZone: the messages for `spec.timeZone`, in the server's order */
export function timeZoneErrors(zone: string): string[] {
  if (zone.length === 0) return ['timeZone must be nil or non-empty string']
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !VALID_ZONE_PART.test(part)) return [`unknown time zone ${zone}`]
  }
  const errors: string[] = []
  if (zone.toLowerCase() === 'local') errors.push('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')
  if (!isKnownTimeZone(zone)) errors.push(`unknown time zone ${zone}`)
  return errors
}
