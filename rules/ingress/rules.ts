import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { hostErrors, isIPAddress, pathContentErrors } from '../../src/validation/ingress.js'

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix']

export default defineRule({
  meta: {
    id: 'ingress/rules',
    category: 'server',
    severity: 'error',
    description: 'An Ingress has no rules and no default backend, or a rule with a bad host, no paths, a missing or unknown pathType, or a malformed path.',
    remediation: 'Give each rule a DNS host (or *.domain), at least one path with a pathType, and paths that start with "/".',
    messages: {
      rulesOrDefaultBackend: '{{error}}: an Ingress must route something.',
      hostIsIP: '{{error}}. Leave host out to match every host, or use a DNS name.',
      invalidHost: '{{error}}. Use a lower-case DNS name, optionally with a leading "*." wildcard, and no port.',
      pathsRequired: '{{error}}: `http` needs at least one path.',
      pathTypeRequired: '{{error}}: networking.k8s.io/v1 has no default. Use Prefix, Exact or ImplementationSpecific.',
      pathTypeNotSupported: '{{error}}.',
      notAbsolute: '{{error}}: start the path with "/".',
      invalidPath: '{{error}}. Use pathType ImplementationSpecific for controller-specific path syntax.',
    },
  },
  create(ctx) {
    return {
      Ingress(ingress) {
        if (ctx.apiVersion !== 'networking.k8s.io/v1') return
        const spec = ingress.spec ?? {}
        const rules = spec.rules ?? []
        if (rules.length === 0 && spec.defaultBackend == null) {
          ctx.report('rulesOrDefaultBackend', fieldError.invalid(['spec'], spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'))
        }
        rules.forEach((rule, i) => {
          const host = rule.host ?? ''
          if (host !== '') {
            const at = ['spec', 'rules', i, 'host']
            if (isIPAddress(host)) ctx.report('hostIsIP', fieldError.invalid(at, host, 'must be a DNS name, not an IP address'))
            for (const msg of hostErrors(host)) ctx.report('invalidHost', fieldError.invalid(at, host, msg))
          }
          if (rule.http == null) return
          const paths = rule.http.paths ?? []
          if (paths.length === 0) ctx.report('pathsRequired', fieldError.required(['spec', 'rules', i, 'http', 'paths']))
          paths.forEach((p, j) => {
            const at = ['spec', 'rules', i, 'http', 'paths', j]
            const pathType = p.pathType
            if (pathType == null) {
              ctx.report('pathTypeRequired', fieldError.required([...at, 'pathType'], 'pathType must be specified'))
              return
            }
            const path = p.path ?? ''
            if (pathType === 'Exact' || pathType === 'Prefix') {
              if (!path.startsWith('/')) ctx.report('notAbsolute', fieldError.invalid([...at, 'path'], path, 'must be an absolute path'))
              for (const msg of pathContentErrors(path)) ctx.report('invalidPath', fieldError.invalid([...at, 'path'], path, msg))
            } else if (pathType === 'ImplementationSpecific') {
              if (path !== '' && !path.startsWith('/')) ctx.report('notAbsolute', fieldError.invalid([...at, 'path'], path, 'must be an absolute path'))
            } else {
              ctx.report('pathTypeNotSupported', fieldError.notSupported([...at, 'pathType'], pathType, PATH_TYPES))
            }
          })
        })
      },
    }
  },
})
