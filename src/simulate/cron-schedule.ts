// When a CronJob's schedule fires: robfig/cron v3's SpecSchedule.Next, walking wall-clock time in an IANA zone
// whose rules come from Node's Intl (ICU).
import { isKnownTimeZone, parseStandard, type CronSchedule, type SpecSchedule } from '../validation/cron.js'

export type { CronSchedule, EverySchedule, SpecSchedule } from '../validation/cron.js'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** The schedule `cron.ParseStandard` builds, or undefined when the server would reject it (or its zone can't be walked). */
export function parseSchedule(schedule: string): CronSchedule | undefined {
  const parsed = parseStandard(schedule, isKnownTimeZone)
  if (typeof parsed !== 'object') return undefined
  // Go's `Local` is the controller's own zone, taken as UTC like an unset spec.timeZone
  if (parsed.timeZone === 'Local') return { ...parsed, timeZone: undefined }
  // Go's `Factory` is UTC under another name, one ICU doesn't know
  if (parsed.timeZone === 'Factory') return { ...parsed, timeZone: 'UTC' }
  return parsed
}

export interface NextRunsOptions {
  /** runs come strictly after this instant */
  from: Date
  /** at most this many runs */
  count: number
  /** IANA zone, as a CronJob's spec.timeZone; else the schedule's `TZ=` zone; else UTC */
  timeZone?: string
}

/** The next activation times, fewer than `count` when five years of search find no more (robfig's limit). */
export function nextRuns(schedule: CronSchedule, options: NextRunsOptions): Date[] {
  const runs: Date[] = []
  if (neverFires(schedule)) return runs
  const zone = options.timeZone ?? schedule.timeZone ?? 'UTC'
  let instant = options.from.getTime()
  while (runs.length < options.count) {
    const next =
      schedule.kind === 'every'
        ? Math.floor(instant / SECOND) * SECOND + schedule.delaySeconds * SECOND
        : nextSpecRun(schedule, instant, zone)
    if (next === undefined) break
    runs.push(new Date(next))
    instant = next
  }
  return runs
}

// February counts 29: a leap year comes round eventually
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Whether no date can ever match, decided from the fields alone. */
export function neverFires(schedule: CronSchedule): boolean {
  if (schedule.kind === 'every') return false
  const { minute, hour, dayOfMonth, month, dayOfWeek } = schedule
  if (minute.size === 0 || hour.size === 0 || month.size === 0) return true
  // every month holds every weekday, so only the day of the month has to fit one of the months
  const dayExists = [...month].some((m) => [...dayOfMonth].some((d) => d <= LONGEST_MONTH[m - 1]))
  const weekdayExists = dayOfWeek.size > 0
  if (schedule.dayOfMonthStar || schedule.dayOfWeekStar) return !(dayExists && weekdayExists)
  return !(dayExists || weekdayExists)
}

/** `2026-11-23 03:00 CET`: the wall time in the zone and the zone's short name. */
export function formatRunTime(date: Date, timeZone: string): string {
  const wall = wallClock(date.getTime(), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)} ${zoneName(date, timeZone)}`
}

// en-US names the American zones (EST) and en-GB the European ones (CET, BST); each gives the other's as GMT+n
function zoneName(date: Date, timeZone: string): string {
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')!.value
  const american = name('en-US')
  return /^GMT[+-]/.test(american) ? name('en-GB') : american
}

/**
 * SpecSchedule.Next, field for field: fix the month, then the day, hour and minute, restarting when a field wraps.
 * Hours and minutes advance as instants, so a wall time in a spring-forward gap is skipped, not moved past the gap,
 * and a wall time that falls back fires at both of its instants.
 */
function nextSpecRun(s: SpecSchedule, from: number, zone: string): number | undefined {
  let t = Math.floor(from / SECOND) * SECOND + SECOND
  let w = wallClock(t, zone)
  const yearLimit = w.year + 5
  // until a field has moved, the first reset drops the smaller fields of the starting time
  let added = false
  wrap: for (;;) {
    w = wallClock(t, zone)
    if (w.year > yearLimit) return undefined
    while (!s.month.has(w.month)) {
      if (!added) {
        added = true
        t = zonedTime(zone, w.year, w.month, 1, 0, 0)
        w = wallClock(t, zone)
      }
      t = zonedTime(zone, w.year, w.month + 1, w.day, w.hour, w.minute)
      w = wallClock(t, zone)
      if (w.month === 1) continue wrap
    }
    while (!dayMatches(s, w)) {
      if (!added) {
        added = true
        t = zonedTime(zone, w.year, w.month, w.day, 0, 0)
        w = wallClock(t, zone)
      }
      t = zonedTime(zone, w.year, w.month, w.day + 1, w.hour, w.minute)
      w = wallClock(t, zone)
      // where DST moves midnight the day lands on 23:00 or 01:00; robfig pulls it back to the day's start
      if (w.hour !== 0) {
        t += (w.hour > 12 ? 24 - w.hour : -w.hour) * HOUR
        w = wallClock(t, zone)
      }
      if (w.day === 1) continue wrap
    }
    while (!s.hour.has(w.hour)) {
      if (!added) {
        added = true
        t = zonedTime(zone, w.year, w.month, w.day, w.hour, 0)
      }
      t += HOUR
      w = wallClock(t, zone)
      if (w.hour === 0) continue wrap
    }
    while (!s.minute.has(w.minute)) {
      if (!added) {
        added = true
        t = Math.floor(t / MINUTE) * MINUTE
      }
      t += MINUTE
      w = wallClock(t, zone)
      if (w.minute === 0) continue wrap
    }
    if (w.second === 0) return t
    // the seconds field is always 0: run up to the next minute, which restarts the walk
    added = true
    t += (60 - w.second) * SECOND
  }
}

function dayMatches(s: SpecSchedule, w: WallClock): boolean {
  const dayOfMonth = s.dayOfMonth.has(w.day)
  const dayOfWeek = s.dayOfWeek.has(w.weekday)
  return s.dayOfMonthStar || s.dayOfWeekStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** 0 is Sunday */
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function wallClock(instant: number, zone: string): WallClock {
  let format = formatters.get(zone)
  if (!format) {
    const numeric = 'numeric' as const
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      ...{ year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric, second: numeric },
    })
    formatters.set(zone, format)
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value)
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = parts
  return { year, month, day, hour, minute, second, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() }
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const w = wallClock(instant, zone)
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / SECOND) * SECOND
}

/**
 * Go's time.Date: a wall time (out-of-range fields roll over) to an instant. Like Go, it takes the offset in force
 * at the wall time read as UTC, then re-reads it at the instant that gives, which settles gaps and overlaps.
 */
function zonedTime(zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const local = Date.UTC(year, month - 1, day, hour, minute)
  return local - offsetAt(local - offsetAt(local, zone), zone)
}
