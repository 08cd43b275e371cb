// The CronJob schedule parser against robfig/cron/v3 ParseStandard's behaviour, and the timeZone checks.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { goDurationError, isKnownTimeZone, parseStandardError, timeZoneErrors } from '../src/validation/cron.js'

test('schedules the server accepts', () => {
  for (const s of [
    '* * * * *',
    '0 3 * * *',
    '*/5 * * * *',
    '0 0 1 1 *',
    '0 0 * * 0',
    '0 0 * * 6',
    '0 0 * * sun',
    '0 0 * * MON-FRI',
    '0 0 * JAN,jul *',
    '0-59/15 0-23 1-31 1-12 0-6',
    '5/10 * * * *',
    '? ? ? ? ?',
    '0 0 1,15 * *',
    '0 12 * * 1,3,5',
    '00 05 * * *',
    '+5 * * * *',
    '*-9 * * * *',
    '1,,2 * * * *',
    ', * * * *',
    '  0   3 * *  *  ',
    '0\t3 * * *',
    '*/0x5 * * * *'.replace('0x5', '5'),
    '@yearly',
    '@annually',
    '@monthly',
    '@weekly',
    '@daily',
    '@midnight',
    '@hourly',
    '@every 1h30m',
    '@every 0',
    '@every 1.5s',
    'TZ=UTC 0 * * * *',
    'CRON_TZ=Europe/Paris 0 * * * *',
  ]) {
    assert.equal(parseStandardError(s), undefined, s)
  }
})

test('schedules the server rejects, with the library\'s words', () => {
  const cases: [string, string][] = [
    ['', 'empty spec string'],
    ['   ', 'expected exactly 5 fields, found 0: []'],
    ['0 */5 * * * *', 'expected exactly 5 fields, found 6: [0 */5 * * * *]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/5/2 * * * *', 'too many slashes: */5/2'],
    ['*/-1 * * * *', 'negative number (-1) not allowed: -1'],
    ['-1 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['0 0 * * L', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['0 0 * * 1#2', 'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax'],
    ['0 0 * jan-foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['0 0 * * sunday', 'failed to parse int from sunday: strconv.Atoi: parsing "sunday": invalid syntax'],
    ['99999999999999999999 * * * *', 'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['@foo', 'unrecognized descriptor: @foo'],
    ['@Daily', 'unrecognized descriptor: @Daily'],
    ['@daily ', 'unrecognized descriptor: @daily '],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every 10', 'failed to parse duration @every 10: time: missing unit in duration "10"'],
    ['@every', 'unrecognized descriptor: @every'],
    ['TZ=Nowhere/Land 0 * * * *', 'provided bad location Nowhere/Land: unknown time zone Nowhere/Land'],
  ]
  for (const [s, error] of cases) assert.equal(parseStandardError(s, isKnownTimeZone), error, s)
})

test('the first failing field is the one reported, in field order', () => {
  assert.equal(parseStandardError('61 25 * * *'), 'end of range (61) above maximum (59): 61')
  assert.equal(parseStandardError('0 25 0 * *'), 'end of range (25) above maximum (23): 25')
})

test('Go durations', () => {
  for (const d of ['1h', '1h30m', '300ms', '1.5h', '-1s', '+2m', '1us', '1µs', '.5s', '0']) assert.equal(goDurationError(d), undefined, d)
  assert.equal(goDurationError(''), 'time: invalid duration ""')
  assert.equal(goDurationError('h'), 'time: invalid duration "h"')
  assert.equal(goDurationError('1'), 'time: missing unit in duration "1"')
})

test('time zones', () => {
  for (const z of ['UTC', 'Etc/UTC', 'Europe/Paris', 'America/New_York', 'US/Pacific', 'Etc/GMT+5', 'Asia/Kolkata']) assert.deepEqual(timeZoneErrors(z), [], z)
  assert.deepEqual(timeZoneErrors(''), ['timeZone must be nil or non-empty string'])
  assert.deepEqual(timeZoneErrors('Local'), ['timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'])
  assert.deepEqual(timeZoneErrors('local'), ['timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones', 'unknown time zone local'])
  assert.deepEqual(timeZoneErrors('utc'), ['unknown time zone utc'])
  assert.deepEqual(timeZoneErrors('europe/paris'), ['unknown time zone europe/paris'])
  assert.deepEqual(timeZoneErrors('Mars/Olympus'), ['unknown time zone Mars/Olympus'])
  assert.deepEqual(timeZoneErrors('America/../Paris'), ['unknown time zone America/../Paris'])
  assert.deepEqual(timeZoneErrors('America/Argentina_Buenos'), ['unknown time zone America/Argentina_Buenos'])
  assert.deepEqual(timeZoneErrors('+05:00'), ['unknown time zone +05:00'])
  assert.deepEqual(timeZoneErrors('-05'), ['unknown time zone -05'])
})
