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

// robfig's parseDescriptor builds these schedules; written here as the fields that build the same bits
const DESCRIPTORS = new Map([
  ['@yearly', '0 0 1 1 *'],
  ['@annually', '0 0 1 1 *'],
  ['@monthly', '0 0 1 * *'],
  ['@weekly', '0 0 * * 0'],
  ['@daily', '0 0 * * *'],
  ['@midnight', '0 0 * * *'],
  ['@hourly', '0 * * * *'],
])

// Go's strings.Fields splits on unicode.IsSpace
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** Go's strconv.Quote, close enough for the ASCII a schedule holds */
const goQuote = (s: string) => JSON.stringify(s)

/** What ParseStandard builds: robfig's SpecSchedule (its seconds field is always 0), or `@every`'s constant delay. */
export type CronSchedule = SpecSchedule | EverySchedule

export interface SpecSchedule {
  kind: 'spec'
  minute: ReadonlySet<number>
  hour: ReadonlySet<number>
  dayOfMonth: ReadonlySet<number>
  month: ReadonlySet<number>
  /** 0 is Sunday */
  dayOfWeek: ReadonlySet<number>
  /** robfig's star bit (`*` or `?`, unstepped): a day then has to match both day fields, otherwise either one */
  dayOfMonthStar: boolean
  dayOfWeekStar: boolean
  /** the zone of a `TZ=`/`CRON_TZ=` prefix */
  timeZone?: string
}

export interface EverySchedule {
  kind: 'every'
  /** robfig's ConstantDelaySchedule: the duration cut to whole seconds, at least one */
  delaySeconds: number
  timeZone?: string
}

/**
 * The error `cron.ParseStandard(schedule)` returns, or undefined when it parses.
 * `isKnownZone` decides the `TZ=`/`CRON_TZ=` prefix's location (Go's time.LoadLocation).
 */
export function parseStandardError(schedule: string, isKnownZone: (zone: string) => boolean = () => true): string | undefined {
  const parsed = parseStandard(schedule, isKnownZone)
  return typeof parsed === 'string' ? parsed : undefined
}

/**
 * `cron.ParseStandard(schedule)`: the schedule it builds, or its error; undefined where Go panics instead
 * (a zone prefix with nothing after it).
 */
export function parseStandard(schedule: string, isKnownZone: (zone: string) => boolean = () => true): CronSchedule | string | undefined {
  let spec = schedule
  let timeZone: string | undefined
  if (spec.length === 0) return 'empty spec string'
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ')
    // with no space Go slices spec[eq+1:-1] and panics; the server's recovery is not a parse error we can word
    if (space < 0) return undefined
    timeZone = spec.slice(spec.indexOf('=') + 1, space)
    if (!isKnownZone(timeZone)) return `provided bad location ${timeZone}: unknown time zone ${timeZone}`
    spec = spec.slice(space).trim()
  }
  if (spec.startsWith('@')) {
    const every = parseEvery(spec)
    if (every !== undefined) return typeof every === 'string' ? every : { kind: 'every', delaySeconds: every, timeZone }
    const fields = DESCRIPTORS.get(spec)
    if (fields === undefined) return `unrecognized descriptor: ${spec}`
    spec = fields
  }
  const fields = spec.split(GO_SPACE).filter((f) => f !== '')
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`
  const parsed: ParsedField[] = []
  for (let i = 0; i < 5; i++) {
    const field = parseField(fields[i], FIELDS[i])
    if (typeof field === 'string') return field
    parsed.push(field)
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parsed
  return {
    kind: 'spec',
    minute: minute.values,
    hour: hour.values,
    dayOfMonth: dayOfMonth.values,
    month: month.values,
    dayOfWeek: dayOfWeek.values,
    dayOfMonthStar: dayOfMonth.star,
    dayOfWeekStar: dayOfWeek.star,
    timeZone,
  }
}

/** `@every <duration>`: its error, its delay in seconds, or undefined when the descriptor is another one */
function parseEvery(spec: string): number | string | undefined {
  const every = '@every '
  if (!spec.startsWith(every)) return undefined
  const duration = parseGoDuration(spec.slice(every.length))
  if (typeof duration === 'string') return `failed to parse duration ${spec}: ${duration}`
  // cron.Every: below a second becomes a second, the rest is truncated to whole seconds
  return Math.max(1, Math.trunc(duration / 1e9))
}

interface ParsedField {
  values: Set<number>
  star: boolean
}

// strings.FieldsFunc(field, ','): empty pieces are dropped, so "," alone parses (to no bits)
function parseField(field: string, bounds: Bounds): ParsedField | string {
  const parsed: ParsedField = { values: new Set(), star: false }
  for (const expr of field.split(',').filter((e) => e !== '')) {
    const error = addRange(expr, bounds, parsed)
    if (error) return error
  }
  return parsed
}

/** robfig's getRange: adds the expression's values to `into`, or returns its error */
function addRange(expr: string, bounds: Bounds, into: ParsedField): string | undefined {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0].split('-')
  const singleDigit = lowAndHigh.length === 1
  let start: bigint
  let end: bigint
  const star = lowAndHigh[0] === '*' || lowAndHigh[0] === '?'
  // "*" or "?" ignore whatever follows a hyphen, as the library does
  if (star) {
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
  for (let value = start; value <= end; value += step) into.values.add(Number(value))
  // a stepped "*/2" is not "every", so it loses the star bit; "*/1" keeps it
  if (star && step === 1n) into.star = true
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

const DURATION_UNITS = new Map([
  ['ns', 1],
  ['us', 1e3],
  ['µs', 1e3],
  ['μs', 1e3],
  ['ms', 1e6],
  ['s', 1e9],
  ['m', 60e9],
  ['h', 3600e9],
])

/** the error of Go's time.ParseDuration, or undefined (overflow is not checked) */
export function goDurationError(s: string): string | undefined {
  const duration = parseGoDuration(s)
  return typeof duration === 'string' ? duration : undefined
}

/** Go's time.ParseDuration in nanoseconds (as a float, so huge values are approximate), or its error */
function parseGoDuration(s: string): number | string {
  const orig = s
  const invalid = `time: invalid duration ${goQuote(orig)}`
  const sign = s.startsWith('-') ? -1 : 1
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1)
  if (s === '0') return 0
  if (s === '') return invalid
  let total = 0
  while (s !== '') {
    const number = /^([0-9]*)(\.([0-9]*))?/.exec(s)!
    if (number[1] === '' && (number[3] === undefined || number[3] === '')) return invalid
    s = s.slice(number[0].length)
    const unit = /^[^0-9.]*/.exec(s)![0]
    if (unit === '') return `time: missing unit in duration ${goQuote(orig)}`
    const scale = DURATION_UNITS.get(unit)
    if (scale === undefined) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`
    total += Number(number[1] || '0') * scale + Math.trunc(Number(`0.${number[3] ?? ''}`) * scale)
    s = s.slice(unit.length)
  }
  return sign * total
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
