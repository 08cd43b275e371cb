// The names a pod spec gives of other things: service account, node, hostname, subdomain, priority and runtime class
// (k8s-semantics A.2.7 S6-S8, S10). Whether those things exist is admission's business, not checked here.
import { fieldError } from '../../src/field-errors.js'
import { dns1123Label, dns1123Subdomain } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'

const FIELDS = [
  { field: 'serviceAccountName', check: dns1123Subdomain, id: 'subdomain' },
  { field: 'nodeName', check: dns1123Subdomain, id: 'subdomain' },
  { field: 'hostname', check: dns1123Label, id: 'label' },
  { field: 'subdomain', check: dns1123Label, id: 'label' },
  { field: 'priorityClassName', check: dns1123Subdomain, id: 'subdomain' },
  { field: 'runtimeClassName', check: dns1123Subdomain, id: 'subdomain' },
] as const

export default defineRule({
  meta: {
    id: 'pod/names',
    category: 'server',
    severity: 'error',
    description: 'A serviceAccountName, nodeName, hostname, subdomain, priorityClassName or runtimeClassName that is not a valid DNS name.',
    remediation: 'Use the exact name of the object: lower case letters, digits, "-" (and "." where a subdomain is allowed).',
    messages: {
      subdomain: '{{error}}. This names an object: use a DNS-1123 subdomain (lower case letters, digits, "-" and ".").',
      label: '{{error}}. Use a DNS-1123 label: lower case letters, digits and "-", at most 63.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const { field, check, id } of FIELDS) {
          const value = spec[field]
          // an empty name means "unset" for all of them (runtimeClassName "" is left out: the server's handling is unsure)
          if (typeof value !== 'string' || value === '') continue
          for (const msg of check(value)) ctx.report(id, fieldError.invalid([...visit.path, field], value, msg))
        }
      },
    }
  },
})
