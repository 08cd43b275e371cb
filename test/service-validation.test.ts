// IP and CIDR parsing as the API server does it (Go 1.16 net parser, via k8s.io/utils/net "Sloppy" functions).
import assert from 'node:assert/strict'
import { isIP } from 'node:net'
import { test } from 'node:test'
import { clusterIPsOf, externallyAccessible, formatIP, ipWarning, isCIDRSloppy, isHeadless, isIPv6String, nonSpecialIPErrors, parseIPSloppy } from '../src/validation/service.js'

test('parseIPSloppy accepts what the server accepts', () => {
  for (const ok of ['10.0.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', 'fe80::1', '2001:db8::ffff', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8', '1::', '1:2:3:4:5:6:1.2.3.4']) {
    assert.ok(parseIPSloppy(ok), ok)
    assert.notEqual(isIP(ok), 0, `node agrees on ${ok}`)
  }
})

test('parseIPSloppy accepts leading zeros (decimal) where node:net and Go >= 1.17 reject them', () => {
  assert.equal(isIP('010.0.0.1'), 0)
  const ip = parseIPSloppy('010.0.0.1')
  assert.ok(ip)
  assert.equal(formatIP(ip), '10.0.0.1')
  assert.ok(parseIPSloppy('1:2:3:4:5:6:7:00008'))
})

test('parseIPSloppy rejects what the server rejects', () => {
  for (const bad of ['', 'None', '10.0.0', '10.0.0.256', '10.0.0.1.', '1.2.3.4/32', 'fe80::1%eth0', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'a.b.c.d', ' 10.0.0.1', '::1.2.3', '1:2:3:4:5:6:7:1.2.3.4']) {
    assert.equal(parseIPSloppy(bad), undefined, JSON.stringify(bad))
  }
})

test('isIPv6String treats IPv4-mapped addresses as IPv4', () => {
  assert.equal(isIPv6String('2001:db8::1'), true)
  assert.equal(isIPv6String('::ffff:10.0.0.1'), false)
  assert.equal(isIPv6String('10.0.0.1'), false)
})

test('isCIDRSloppy', () => {
  for (const ok of ['10.0.0.0/8', '0.0.0.0/0', '10.0.0.1/32', '2001:db8::/64', '::/0', '010.0.0.0/08', '10.0.0.1/24']) assert.ok(isCIDRSloppy(ok), ok)
  for (const bad of ['10.0.0.0', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/a', '/8', '10.0.0.0/8/8', '10.0.0.0/-1']) assert.ok(!isCIDRSloppy(bad), bad)
})

test('nonSpecialIPErrors', () => {
  assert.deepEqual(nonSpecialIPErrors('192.0.2.10'), [])
  assert.deepEqual(nonSpecialIPErrors('127.0.0.1'), ['may not be in the loopback range (127.0.0.0/8, ::1/128)'])
  assert.deepEqual(nonSpecialIPErrors('::1'), ['may not be in the loopback range (127.0.0.0/8, ::1/128)'])
  assert.deepEqual(nonSpecialIPErrors('0.0.0.0'), ['may not be unspecified (0.0.0.0)'])
  assert.deepEqual(nonSpecialIPErrors('169.254.169.254'), ['may not be in the link-local range (169.254.0.0/16, fe80::/10)'])
  assert.deepEqual(nonSpecialIPErrors('fe80::1'), ['may not be in the link-local range (169.254.0.0/16, fe80::/10)'])
  assert.deepEqual(nonSpecialIPErrors('224.0.0.5'), ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'])
})

test('formatIP and ipWarning follow Go', () => {
  assert.equal(formatIP(parseIPSloppy('2001:0db8:0:0:1:0:0:1')!), '2001:db8::1:0:0:1')
  assert.equal(formatIP(parseIPSloppy('::')!), '::')
  assert.equal(ipWarning('spec.externalIPs[0]', '192.0.2.1'), undefined)
  assert.equal(ipWarning('spec.externalIPs[0]', '2001:db8::1'), undefined)
  assert.equal(
    ipWarning('spec.clusterIPs[0]', '010.0.0.1'),
    'spec.clusterIPs[0]: non-standard IP address "010.0.0.1" will be considered invalid in a future Kubernetes release: use "10.0.0.1"',
  )
  assert.equal(ipWarning('spec.externalIPs[0]', '2001:DB8::1'), 'spec.externalIPs[0]: IPv6 address "2001:DB8::1" should be in RFC 5952 canonical format ("2001:db8::1")')
})

test('clusterIPs as the server normalizes them, and the Service predicates', () => {
  assert.deepEqual(clusterIPsOf({ clusterIP: '10.96.0.1' }), ['10.96.0.1'])
  assert.deepEqual(clusterIPsOf({ clusterIPs: ['10.96.0.1'] }), ['10.96.0.1'])
  assert.deepEqual(clusterIPsOf({ clusterIP: '' }), [])
  assert.ok(isHeadless({ clusterIP: 'None' }))
  assert.ok(!isHeadless({ clusterIP: 'None', clusterIPs: ['None', '10.96.0.1'] }))
  assert.ok(externallyAccessible({ type: 'NodePort' }))
  assert.ok(externallyAccessible({ type: '', externalIPs: ['192.0.2.1'] }))
  assert.ok(!externallyAccessible({ type: 'ExternalName', externalIPs: ['192.0.2.1'] }))
  assert.ok(!externallyAccessible({}))
})
