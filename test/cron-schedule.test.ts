// Next run times of CronJob schedules, against robfig/cron v3's SpecSchedule.Next, in UTC and in zones with DST.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatRunTime, neverFires, nextRuns, parseSchedule } from '../src/simulate/cron-schedule.js'

/** the next runs as ISO strings in UTC */
function runs(schedule: string, from: string, count: number, timeZone?: string): string[] {
  const parsed = parseSchedule(schedule)
  assert.ok(parsed, schedule)
  return nextRuns(parsed, { from: new Date(from), count, timeZone }).map((d) => d.toISOString().replace(':00.000Z', 'Z'))
}

/** the next runs as wall times in the zone */
function wallRuns(schedule: string, from: string, count: number, timeZone: string): string[] {
  return nextRuns(parseSchedule(schedule)!, { from: new Date(from), count, timeZone }).map((d) => formatRunTime(d, timeZone))
}

test('every minute, strictly after the starting instant', () => {
  assert.deepEqual(runs('* * * * *', '2026-01-01T00:00:30Z', 3), ['2026-01-01T00:01Z', '2026-01-01T00:02Z', '2026-01-01T00:03Z'])
  assert.deepEqual(runs('* * * * *', '2026-01-01T00:01:00Z', 1), ['2026-01-01T00:02Z'])
})

test('steps', () => {
  assert.deepEqual(runs('*/15 * * * *', '2026-01-01T10:07:00Z', 4), [
    '2026-01-01T10:15Z',
    '2026-01-01T10:30Z',
    '2026-01-01T10:45Z',
    '2026-01-01T11:00Z',
  ])
  assert.deepEqual(runs('5/20 1-10/4 * * *', '2026-01-01T00:00:00Z', 4), [
    '2026-01-01T01:05Z',
    '2026-01-01T01:25Z',
    '2026-01-01T01:45Z',
    '2026-01-01T05:05Z',
  ])
})

test('weekdays at 03:00 in Europe/Berlin', () => {
  // 2026-11-20 is a Friday
  assert.deepEqual(wallRuns('0 3 * * 1-5', '2026-11-20T12:00:00Z', 3, 'Europe/Berlin'), [
    '2026-11-23 03:00 CET',
    '2026-11-24 03:00 CET',
    '2026-11-25 03:00 CET',
  ])
  assert.deepEqual(runs('0 3 * * MON-FRI', '2026-11-20T12:00:00Z', 1, 'Europe/Berlin'), ['2026-11-23T02:00Z'])
})

test('descriptors', () => {
  // 2026-01-01 is a Thursday
  assert.deepEqual(runs('@weekly', '2026-01-01T00:00:00Z', 3), ['2026-01-04T00:00Z', '2026-01-11T00:00Z', '2026-01-18T00:00Z'])
  assert.deepEqual(runs('@yearly', '2026-01-01T00:00:00Z', 2), ['2027-01-01T00:00Z', '2028-01-01T00:00Z'])
  assert.deepEqual(runs('@hourly', '2026-01-01T00:00:00Z', 2), ['2026-01-01T01:00Z', '2026-01-01T02:00Z'])
  const every = parseSchedule('@every 1h30m')
  assert.deepEqual(every, { kind: 'every', delaySeconds: 5400, timeZone: undefined })
  assert.deepEqual(
    nextRuns(every, { from: new Date('2026-01-01T00:00:00.750Z'), count: 2 }).map((d) => d.toISOString()),
    ['2026-01-01T01:30:00.000Z', '2026-01-01T03:00:00.000Z'],
  )
  // robfig rounds a sub-second delay up to a second
  assert.deepEqual(parseSchedule('@every 10ms'), { kind: 'every', delaySeconds: 1, timeZone: undefined })
})

test('a restricted day of month and day of week: either one is enough', () => {
  // April 2026: the 13th is a Monday, the Fridays are the 3rd, 10th, 17th and 24th
  assert.deepEqual(runs('0 0 13 * 5', '2026-04-01T00:00:00Z', 5), [
    '2026-04-03T00:00Z',
    '2026-04-10T00:00Z',
    '2026-04-13T00:00Z',
    '2026-04-17T00:00Z',
    '2026-04-24T00:00Z',
  ])
  // a star (or ?) on either side makes both have to match
  assert.deepEqual(runs('0 0 13 * ?', '2026-04-01T00:00:00Z', 2), ['2026-04-13T00:00Z', '2026-05-13T00:00Z'])
  assert.deepEqual(runs('0 0 * * 5', '2026-04-01T00:00:00Z', 2), ['2026-04-03T00:00Z', '2026-04-10T00:00Z'])
  // a stepped star is a restriction: the 13th, or Sunday, Tuesday, Thursday, Saturday
  assert.deepEqual(runs('0 0 13 * */2', '2026-04-09T00:00:00Z', 4), ['2026-04-11T00:00Z', '2026-04-12T00:00Z', '2026-04-13T00:00Z', '2026-04-14T00:00Z'])
})

test('the 29th of February waits for a leap year', () => {
  assert.equal(neverFires(parseSchedule('0 0 29 2 *')!), false)
  assert.deepEqual(runs('0 0 29 2 *', '2026-01-01T00:00:00Z', 2), ['2028-02-29T00:00Z', '2032-02-29T00:00Z'])
  // 2100 is no leap year, and 2104 is past robfig's five years of search
  assert.deepEqual(runs('0 0 29 2 *', '2096-03-01T00:00:00Z', 1), [])
})

test('dates that never exist', () => {
  for (const schedule of ['0 0 30 2 *', '0 0 31 4,6,9,11 *', '0 0 31 2 ?', ', * * * *', '0 0 30 2 ,']) {
    const parsed = parseSchedule(schedule)!
    assert.equal(neverFires(parsed), true, schedule)
    assert.deepEqual(nextRuns(parsed, { from: new Date('2026-01-01T00:00:00Z'), count: 3 }), [], schedule)
  }
  // a day of the week rescues an impossible day of the month
  assert.equal(neverFires(parseSchedule('0 0 30 2 5')!), false)
  assert.deepEqual(runs('0 0 30 2 5', '2026-01-01T00:00:00Z', 1), ['2026-02-06T00:00Z'])
  for (const schedule of ['* * * * *', '0 0 31 * *', '@every 1h', '0 0 31 1-3 *']) assert.equal(neverFires(parseSchedule(schedule)!), false, schedule)
})

test('spring forward in America/New_York: a run inside the gap is skipped', () => {
  // 2026-03-08 02:00 EST becomes 03:00 EDT, so 02:30 does not happen that day
  assert.deepEqual(wallRuns('30 2 * * *', '2026-03-07T12:00:00Z', 2, 'America/New_York'), ['2026-03-09 02:30 EDT', '2026-03-10 02:30 EDT'])
  assert.deepEqual(wallRuns('0 * * * *', '2026-03-08T05:30:00Z', 3, 'America/New_York'), [
    '2026-03-08 01:00 EST',
    '2026-03-08 03:00 EDT',
    '2026-03-08 04:00 EDT',
  ])
})

test('fall back in America/New_York: a repeated wall time fires at both instants, as robfig does', () => {
  // 2026-11-01 02:00 EDT becomes 01:00 EST, so 01:30 happens twice
  assert.deepEqual(wallRuns('30 1 * * *', '2026-10-31T12:00:00Z', 3, 'America/New_York'), [
    '2026-11-01 01:30 EDT',
    '2026-11-01 01:30 EST',
    '2026-11-02 01:30 EST',
  ])
  assert.deepEqual(runs('30 1 * * *', '2026-10-31T12:00:00Z', 2, 'America/New_York'), ['2026-11-01T05:30Z', '2026-11-01T06:30Z'])
  assert.deepEqual(wallRuns('30 2 * * *', '2026-10-31T12:00:00Z', 2, 'America/New_York'), ['2026-11-01 02:30 EST', '2026-11-02 02:30 EST'])
})

test('a TZ= prefix sets the zone, and spec.timeZone overrides it', () => {
  const tokyo = parseSchedule('TZ=Asia/Tokyo 0 9 * * *')!
  assert.equal(tokyo.timeZone, 'Asia/Tokyo')
  assert.equal(parseSchedule('CRON_TZ=Europe/Paris @daily')?.timeZone, 'Europe/Paris')
  // 09:00 in Tokyo is midnight UTC; the starting instant itself does not count
  assert.deepEqual(runs('TZ=Asia/Tokyo 0 9 * * *', '2026-01-01T00:00:00Z', 2), ['2026-01-02T00:00Z', '2026-01-03T00:00Z'])
  assert.deepEqual(runs('TZ=Asia/Tokyo 0 9 * * *', '2026-01-01T00:00:00Z', 1, 'UTC'), ['2026-01-01T09:00Z'])
  assert.equal(parseSchedule('TZ=Local 0 9 * * *')?.timeZone, undefined)
})

test('schedules the server rejects do not parse', () => {
  for (const schedule of ['', '0 0 * * 7', '* * * *', '@Daily', '@every 1d', 'TZ=Nowhere/Land 0 * * * *', 'TZ=UTC']) {
    assert.equal(parseSchedule(schedule), undefined, schedule)
  }
})

test('run times print as wall time and zone name', () => {
  const instant = new Date('2026-11-23T02:00:00Z')
  assert.equal(formatRunTime(instant, 'UTC'), '2026-11-23 02:00 UTC')
  assert.equal(formatRunTime(instant, 'Europe/Berlin'), '2026-11-23 03:00 CET')
  assert.equal(formatRunTime(new Date('2026-07-01T22:05:00Z'), 'Europe/Berlin'), '2026-07-02 00:05 CEST')
  assert.equal(formatRunTime(instant, 'America/New_York'), '2026-11-22 21:00 EST')
  assert.equal(formatRunTime(instant, 'Asia/Tokyo'), '2026-11-23 11:00 GMT+9')
})
