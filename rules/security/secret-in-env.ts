// A Secret read into environment variables (peer-checks §2.1 concept 22: kube-linter read-secret-from-env-var, CIS
// 5.4.1 "prefer Secrets as files"): env valueFrom.secretKeyRef, and envFrom secretRef, which does the same for every key.
import { containerLabel } from '../../src/policy/pod-security.js'
import { finding } from '../../src/policy/security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'
import { isObj } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'security/secret-in-env',
    category: 'security',
    severity: 'info',
    preset: 'all',
    description: 'A container that reads a Secret into environment variables (env valueFrom.secretKeyRef or envFrom secretRef) rather than from a mounted file.',
    remediation: 'Mount the Secret as a volume and have the program read the file; a mounted Secret is also updated when the Secret changes.',
    messages: {
      secretKeyRef:
        'Env var {{name}} of {{container}} is read from Secret {{secret}}: environment variables show in the output of crash reports, debug endpoints and child processes, and stay fixed until the pod restarts. Mount the Secret as a volume and read the file instead.',
      envFrom:
        '{{container}} reads every key of Secret {{secret}} into environment variables: they show in crash reports, debug endpoints and child processes, and stay fixed until the pod restarts. Mount the Secret as a volume and read the files instead.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const container = containerLabel(c)
          const env: unknown = c.container.env
          if (Array.isArray(env)) {
            env.forEach((e: unknown, i) => {
              const ref: unknown = isObj(e) && isObj(e.valueFrom) ? e.valueFrom.secretKeyRef : undefined
              if (!isObj(ref) || !isObj(e)) return
              ctx.report('secretKeyRef', finding([...c.path, 'env', i, 'valueFrom', 'secretKeyRef']), { data: { name: e.name, container, secret: ref.name }, point: 'key' })
            })
          }
          const envFrom: unknown = c.container.envFrom
          if (Array.isArray(envFrom)) {
            envFrom.forEach((e: unknown, i) => {
              const ref: unknown = isObj(e) ? e.secretRef : undefined
              if (isObj(ref)) ctx.report('envFrom', finding([...c.path, 'envFrom', i, 'secretRef']), { data: { container, secret: ref.name }, point: 'key' })
            })
          }
        }
      },
    }
  },
})
