// IPs and CIDRs as the API server parses them (NetworkPolicy ipBlocks, Service addresses): k8s.io/utils/net
// ParseIPSloppy and ParseCIDRSloppy, a copy of Go 1.16's parser. It accepts leading zeros ("010.0.0.0/8" is 10.0.0.0/8) and host bits ("10.0.0.1/8" is
// 10.0.0.0/8), and rejects zones. Plus net.IPNet.Contains for the "strict subset" check of `except`.

export interface Cidr {
  /** the network address: 4 bytes for IPv4, 16 for IPv6, host bits cleared */
  ip: Uint8Array
  /** prefix length */
  ones: number
  /** read by the IPv4 parser */
  v4: boolean
}

const BIG = 0xffffff

function dtoi(s: string, from: number): [n: number, end: number] | undefined {
  let n = 0
  let i = from
  while (i < s.length && s[i] >= '0' && s[i] <= '9') {
    n = n * 10 + (s.charCodeAt(i) - 48)
    if (n >= BIG) return undefined
    i++
  }
  return i === from ? undefined : [n, i]
}

function xtoi(s: string, from: number): [n: number, end: number] | undefined {
  let n = 0
  let i = from
  while (i < s.length && /[0-9a-fA-F]/.test(s[i])) {
    n = n * 16 + parseInt(s[i], 16)
    if (n >= BIG) return undefined
    i++
  }
  return i === from ? undefined : [n, i]
}

/** four decimal fields, each at most 255, leading zeros allowed */
export function parseIPv4(s: string): Uint8Array | undefined {
  const out = new Uint8Array(4)
  let i = 0
  for (let k = 0; k < 4; k++) {
    if (k > 0) {
      if (s[i] !== '.') return undefined
      i++
    }
    const r = dtoi(s, i)
    if (!r || r[0] > 0xff) return undefined
    out[k] = r[0]
    i = r[1]
  }
  return i === s.length ? out : undefined
}

/** Go 1.16 parseIPv6: hex groups, one "::", an optional IPv4 tail */
export function parseIPv6(s: string): Uint8Array | undefined {
  const ip = new Uint8Array(16)
  let ellipsis = -1
  let i = 0
  if (s.startsWith('::')) {
    ellipsis = 0
    i = 2
    if (i === s.length) return ip
  }
  let j = 0
  while (j < 16) {
    const r = xtoi(s, i)
    if (!r || r[0] > 0xffff) return undefined
    if (r[1] < s.length && s[r[1]] === '.') {
      if (ellipsis < 0 && j !== 12) return undefined
      if (j + 4 > 16) return undefined
      const v4 = parseIPv4(s.slice(i))
      if (!v4) return undefined
      ip.set(v4, j)
      i = s.length
      j += 4
      break
    }
    ip[j] = r[0] >> 8
    ip[j + 1] = r[0] & 0xff
    j += 2
    i = r[1]
    if (i === s.length) break
    if (s[i] !== ':' || i + 1 === s.length) return undefined
    i++
    if (s[i] === ':') {
      if (ellipsis >= 0) return undefined
      ellipsis = j
      i++
      if (i === s.length) break
    }
  }
  if (i !== s.length) return undefined
  if (j < 16) {
    if (ellipsis < 0) return undefined
    const n = 16 - j
    for (let k = j - 1; k >= ellipsis; k--) ip[k + n] = ip[k]
    for (let k = ellipsis + n - 1; k >= ellipsis; k--) ip[k] = 0
  } else if (ellipsis >= 0) {
    return undefined
  }
  return ip
}

function masked(ip: Uint8Array, ones: number): Uint8Array {
  const out = new Uint8Array(ip.length)
  for (let b = 0; b < ip.length; b++) {
    const bits = Math.max(0, Math.min(8, ones - b * 8))
    out[b] = ip[b] & ((0xff << (8 - bits)) & 0xff)
  }
  return out
}

/** netutils.ParseCIDRSloppy; undefined where the server finds no CIDR */
export function parseCIDRSloppy(value: string): Cidr | undefined {
  const slash = value.indexOf('/')
  if (slash < 0) return undefined
  const addr = value.slice(0, slash)
  const mask = value.slice(slash + 1)
  const v4 = parseIPv4(addr)
  const ip = v4 ?? parseIPv6(addr)
  if (!ip) return undefined
  const r = dtoi(mask, 0)
  if (!r || r[1] !== mask.length || r[0] > ip.length * 8) return undefined
  return { ip: masked(ip, r[0]), ones: r[0], v4: v4 !== undefined }
}

/** ::ffff:a.b.c.d, which Go's IPNet.Contains folds into IPv4 */
const isV4Mapped = (c: Cidr): boolean => !c.v4 && c.ip.subarray(0, 10).every((b) => b === 0) && c.ip[10] === 0xff && c.ip[11] === 0xff

/**
 * The ipBlock test `cidr.Contains(except.IP) && cidrMaskLen < exceptMaskLen`. Undefined when an IPv4-mapped IPv6
 * network is involved, where Go's family folding makes the answer depend on details not worth copying.
 */
export function isStrictSubset(except: Cidr, cidr: Cidr): boolean | undefined {
  if (isV4Mapped(except) || isV4Mapped(cidr)) return undefined
  if (except.v4 !== cidr.v4) return false
  const contains = masked(except.ip, cidr.ones).every((b, i) => b === cidr.ip[i])
  return contains && cidr.ones < except.ones
}

/** Whether an address lies in a network (same family, same leading `ones` bits) */
export function cidrContains(cidr: Cidr, address: string): boolean | undefined {
  const ip = cidr.v4 ? parseIPv4(address) : parseIPv6(address)
  if (!ip) return undefined
  return masked(ip, cidr.ones).every((b, i) => b === cidr.ip[i])
}
