// Ingress host and path checks (networking validation).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hostErrors, isIPAddress, pathContentErrors, wildcardSubdomain } from '../src/validation/ingress.js'

test('wildcard hosts: "*." then a DNS subdomain', () => {
  assert.deepEqual(wildcardSubdomain('*.example.com'), [])
  assert.deepEqual(wildcardSubdomain('*.com'), [])
  for (const bad of ['*', '*example.com', 'a.*.com', '*.Example.com', '**.example.com', '*.example.com.']) assert.equal(wildcardSubdomain(bad).length, 1, bad)
  assert.deepEqual(wildcardSubdomain(`*.${'a'.repeat(252)}`), ['must be no more than 253 characters'])
})

test('hostErrors picks the wildcard check only when the host has a "*"', () => {
  assert.deepEqual(hostErrors('shop.example.com'), [])
  assert.equal(hostErrors('example.com:8080').length, 1)
  assert.match(hostErrors('a.*.com')[0], /^a wildcard DNS-1123 subdomain/)
  assert.match(hostErrors('Example.com')[0], /^a lowercase RFC 1123 subdomain/)
})

test('isIPAddress follows the server parser (leading zeros are still an IP)', () => {
  assert.ok(isIPAddress('203.0.113.10'))
  assert.ok(isIPAddress('010.0.0.1'))
  assert.ok(isIPAddress('2001:db8::1'))
  assert.ok(!isIPAddress('example.com'))
  assert.ok(!isIPAddress('1.2.3'))
})

test('pathContentErrors: forbidden sequences and suffixes, every one reported', () => {
  assert.deepEqual(pathContentErrors('/api/v1'), [])
  assert.deepEqual(pathContentErrors('/api(/|$)(.*)'), [])
  assert.deepEqual(pathContentErrors('/a//b/./c'), ["must not contain '//'", "must not contain '/./'"])
  assert.deepEqual(pathContentErrors('/a%2Fb'), ["must not contain '%2F'"])
  assert.deepEqual(pathContentErrors('/static/..'), ["cannot end with '/..'"])
  assert.deepEqual(pathContentErrors('/static/.'), ["cannot end with '/.'"])
})
