// IP and CIDR parsing as the API server does it for Service fields: k8s.io/utils/net ParseIPSloppy and
// ParseCIDRSloppy, a copy of Go 1.16's net parser. Unlike node:net isIP (and Go >= 1.17's net.ParseIP), it accepts
// IPv4 fields with leading zeros ("010.0.0.1" is 10.0.0.1, read as decimal) and IPv6 groups of more than four hex
// digits whose value fits 16 bits; like isIP it rejects zones ("fe80::1%eth0"). The server accepts both.
// Also the Service predicates the rules share (headless, externally accessible).

import { parseCIDRSloppy, parseIPv4 as parseIPv4Bytes, parseIPv6 } from './network.js'

/** 16 bytes, IPv4 stored as ::ffff:a.b.c.d as Go's net.IP does */
export type IPBytes = Uint8Array

/** an IPv4 address in Go's 16-byte form, ::ffff:a.b.c.d */
function parseIPv4(s: string): IPBytes | undefined {
  const v4 = parseIPv4Bytes(s)
  if (!v4) return undefined
  const out = new Uint8Array(16)
  out[10] = 0xff
  out[11] = 0xff
  out.set(v4, 12)
  return out
}

/** netutils.ParseIPSloppy: undefined where the server says "must be a valid IP address" */
export function parseIPSloppy(value: string): IPBytes | undefined {
  for (const c of value) {
    if (c === '.') return parseIPv4(value)
    if (c === ':') return parseIPv6(value)
  }
  return undefined
}

/** net.IP.To4() != nil: an IPv4 address, including the IPv4-mapped form ::ffff:a.b.c.d */
export function isIPv4(ip: IPBytes): boolean {
  return ip.subarray(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff
}

/** netutils.IsIPv6String */
export function isIPv6String(value: string): boolean {
  const ip = parseIPSloppy(value)
  return ip !== undefined && !isIPv4(ip)
}

/** ParseCIDRSloppy: "<ip>/<bits>", bits at most 32 for IPv4 and 128 for IPv6 (leading zeros accepted in both parts) */
export function isCIDRSloppy(value: string): boolean {
  return parseCIDRSloppy(value) !== undefined
}

export const IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'
export const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'

/**
 * ValidateEndpointIP (used for spec.externalIPs): the address types that make no sense as an external IP, with the
 * server's messages. Assumes the value parsed.
 */
export function nonSpecialIPErrors(value: string): string[] {
  const ip = parseIPSloppy(value)
  if (!ip) return ['must be a valid IP address']
  const errs: string[] = []
  const v4 = isIPv4(ip)
  const unspecified = v4 ? ip.subarray(12).every((b) => b === 0) : ip.every((b) => b === 0)
  const loopback = v4 ? ip[12] === 127 : ip.subarray(0, 15).every((b) => b === 0) && ip[15] === 1
  const linkLocalUnicast = v4 ? ip[12] === 169 && ip[13] === 254 : ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80
  const linkLocalMulticast = v4 ? ip[12] === 224 && ip[13] === 0 && ip[14] === 0 : ip[0] === 0xff && (ip[1] & 0x0f) === 0x02
  if (unspecified) errs.push(`may not be unspecified (${value})`)
  if (loopback) errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)')
  if (linkLocalUnicast) errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)')
  if (linkLocalMulticast) errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')
  return errs
}

/** Go's net.IP String(): dotted quad for IPv4 (and IPv4-mapped), RFC 5952 for IPv6 */
export function formatIP(ip: IPBytes): string {
  if (isIPv4(ip)) return Array.from(ip.subarray(12)).join('.')
  const groups: number[] = []
  for (let k = 0; k < 16; k += 2) groups.push((ip[k] << 8) | ip[k + 1])
  let bestStart = -1
  let bestLen = 0
  for (let k = 0; k < 8; ) {
    if (groups[k] !== 0) {
      k++
      continue
    }
    let e = k
    while (e < 8 && groups[e] === 0) e++
    if (e - k > bestLen && e - k >= 2) {
      bestStart = k
      bestLen = e - k
    }
    k = e
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':')
  if (bestStart < 0) return hex(groups)
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`
}

/**
 * GetWarningsForIP (Kubernetes 1.33+): an address the server accepts today but will reject later (leading zeros, an
 * IPv4-mapped IPv6 address) or an IPv6 address not in canonical form. `path` is the printed field path.
 */
export function ipWarning(path: string, value: string): string | undefined {
  const ip = parseIPSloppy(value)
  if (!ip) return undefined
  const v4Tail = /(^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(value)?.[2]
  const leadingZeros = v4Tail !== undefined && v4Tail.split('.').some((f) => f.length > 1 && f.startsWith('0'))
  const v6Long = value.includes(':') && value.split(':').some((g) => !g.includes('.') && g.length > 4)
  const mapped = value.includes(':') && isIPv4(ip)
  if (leadingZeros || v6Long || mapped) {
    return `${path}: non-standard IP address ${JSON.stringify(value)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(formatIP(ip))}`
  }
  if (value.includes(':') && formatIP(ip) !== value) {
    return `${path}: IPv6 address ${JSON.stringify(value)} should be in RFC 5952 canonical format (${JSON.stringify(formatIP(ip))})`
  }
  return undefined
}

/** ServiceSpec fields as the server sees them after normalizeClusterIPs: a lone clusterIP fills clusterIPs */
export function clusterIPsOf(spec: { clusterIP?: string | null; clusterIPs?: string[] | null }): string[] {
  const ips = spec.clusterIPs ?? []
  if (spec.clusterIP && ips.length === 0) return [spec.clusterIP]
  return ips
}

/** isHeadlessService: clusterIPs is exactly ["None"] */
export function isHeadless(spec: { clusterIP?: string | null; clusterIPs?: string[] | null }): boolean {
  const ips = clusterIPsOf(spec)
  return ips.length === 1 && ips[0] === 'None'
}

/** ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with external IPs (an empty type is defaulted to ClusterIP) */
export function externallyAccessible(spec: { type?: string | null; externalIPs?: string[] | null }): boolean {
  const type = spec.type || 'ClusterIP'
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0)
}

/** the topology annotation of 1.27 and the one it replaces */
export const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode'
export const TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints'
