// CIDR parsing and subset checks for NetworkPolicy ipBlocks, as the API server does them.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isStrictSubset, parseCIDRSloppy, type Cidr } from '../src/validation/network.js'

const cidr = (s: string): Cidr => {
  const c = parseCIDRSloppy(s)
  assert.ok(c, s)
  return c
}

test('parseCIDRSloppy accepts what the server accepts', () => {
  for (const ok of ['10.0.0.0/8', '0.0.0.0/0', '192.168.1.1/32', '10.0.0.1/8', '010.0.0.0/8', '10.0.0.0/08', '::/0', '2001:db8::/32', 'fe80::1/64', '::ffff:10.0.0.0/104', '1:2:3:4:5:6:7:8/128', '0000000001::/16']) {
    assert.ok(parseCIDRSloppy(ok), ok)
  }
})

test('parseCIDRSloppy rejects what the server rejects', () => {
  for (const bad of ['', '10.0.0.0', '10.0.0.0/33', '10.0.0.0/', '10.0.0/8', '256.0.0.0/8', '10.0.0.0/8/8', 'fe80::1%eth0/64', '::/129', '1::2::3/64', 'x/8', ' 10.0.0.0/8', '10.0.0.0/-1', '1:2:3:4:5:6:7:8::/64', '10.0.0.0/+8']) {
    assert.equal(parseCIDRSloppy(bad), undefined, bad)
  }
})

test('host bits are cleared, as net.IPNet keeps the network', () => {
  assert.deepEqual([...cidr('10.1.2.3/8').ip], [10, 0, 0, 0])
  assert.deepEqual([...cidr('10.1.2.3/12').ip], [10, 0, 0, 0])
  assert.deepEqual([...cidr('10.31.2.3/12').ip], [10, 16, 0, 0])
  assert.equal(cidr('2001:db8::1/32').ip.length, 16)
})

test('isStrictSubset: inside and longer prefix', () => {
  assert.equal(isStrictSubset(cidr('10.1.0.0/16'), cidr('10.0.0.0/8')), true)
  assert.equal(isStrictSubset(cidr('10.0.0.0/8'), cidr('10.0.0.0/8')), false)
  assert.equal(isStrictSubset(cidr('10.0.0.0/7'), cidr('10.0.0.0/8')), false)
  assert.equal(isStrictSubset(cidr('11.0.0.0/16'), cidr('10.0.0.0/8')), false)
  assert.equal(isStrictSubset(cidr('10.1.2.3/32'), cidr('0.0.0.0/0')), true)
  assert.equal(isStrictSubset(cidr('2001:db8:1::/48'), cidr('2001:db8::/32')), true)
  assert.equal(isStrictSubset(cidr('2001:db9::/48'), cidr('2001:db8::/32')), false)
})

test('isStrictSubset: families differ', () => {
  assert.equal(isStrictSubset(cidr('10.0.0.0/8'), cidr('::/0')), false)
  assert.equal(isStrictSubset(cidr('2001:db8::/32'), cidr('0.0.0.0/0')), false)
  assert.equal(isStrictSubset(cidr('::ffff:10.0.0.0/104'), cidr('0.0.0.0/0')), undefined)
})
