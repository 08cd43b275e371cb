// Host and path checks the API server applies to Ingress (networking validation): wildcard hosts, and where a host
// is an IP address (parsed with the server's lenient parser).
import { dns1123Subdomain } from '../name-formats.js'
import { parseIPSloppy } from './service.js'

const WILDCARD = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'
const reWildcard = new RegExp(`^${WILDCARD}$`)

/** IsWildcardDNS1123Subdomain */
export function wildcardSubdomain(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push('must be no more than 253 characters')
  if (!reWildcard.test(value)) {
    errs.push(
      `a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '${WILDCARD}')`,
    )
  }
  return errs
}

/** a rule or TLS host: a wildcard when it has a '*', a DNS subdomain otherwise */
export function hostErrors(host: string): string[] {
  return host.includes('*') ? wildcardSubdomain(host) : dns1123Subdomain(host)
}

export function isIPAddress(host: string): boolean {
  return parseIPSloppy(host) !== undefined
}

/** the Exact and Prefix path checks after "must be an absolute path" */
export function pathContentErrors(path: string): string[] {
  const errs: string[] = []
  for (const seq of ['//', '/./', '/../', '%2f', '%2F']) if (path.includes(seq)) errs.push(`must not contain '${seq}'`)
  for (const suffix of ['/..', '/.']) if (path.endsWith(suffix)) errs.push(`cannot end with '${suffix}'`)
  return errs
}
