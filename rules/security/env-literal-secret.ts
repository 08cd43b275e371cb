// A credential written as a literal env value (peer-checks §2.1 concept 21: kube-linter env-var-secret, Polaris
// sensitiveContainerEnvVar). Names follow Polaris' list by default, values that are plainly not a secret are left
// alone; the lists are in src/policy/sensitive-data.ts.
import { containerLabel } from '../../src/policy/pod-security.js'
import { finding } from '../../src/policy/security.js'
import { hasPrivateKey, namePatterns, plainlyNotSecret, SENSITIVE_NAME_PATTERNS, sensitiveName } from '../../src/policy/sensitive-data.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'
import { isObj } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'security/env-literal-secret',
    category: 'security',
    severity: 'warning',
    options: {
      names: {
        type: 'string[]',
        default: SENSITIVE_NAME_PATTERNS,
        description: 'regular expressions (case ignored) an env var name matches when it holds a credential; kube-linter\'s env-var-secret is ["secret"]',
      },
    },
    description: 'An env var whose name says it holds a credential (password, token, secret, cloud keys) with a literal value, or any env value holding a private key.',
    remediation: 'Keep the value in a Secret and read it with valueFrom.secretKeyRef, or mount the Secret as a file.',
    messages: {
      name: 'Env var {{name}} of {{container}} has a literal value, and its name says it is a credential: anyone who can read this {{kind}} (kubectl get -o yaml, the repository it comes from) can read it. Move the value to a Secret and use valueFrom.secretKeyRef.',
      privateKey:
        'Env var {{name}} of {{container}} holds a private key in plain text: anyone who can read this {{kind}} can read it. Move the key to a Secret and mount it as a file, or use valueFrom.secretKeyRef.',
    },
  },
  create(ctx) {
    const patterns = namePatterns(ctx.options.names)
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const env: unknown = c.container.env
          if (!Array.isArray(env)) continue
          env.forEach((e: unknown, i) => {
            if (!isObj(e) || typeof e.name !== 'string' || typeof e.value !== 'string') return
            const at = finding([...c.path, 'env', i, 'value'])
            const data = { name: e.name, container: containerLabel(c), kind: ctx.kind }
            if (hasPrivateKey(e.value)) ctx.report('privateKey', at, { data })
            else if (sensitiveName(e.name, patterns) && !plainlyNotSecret(e.value)) ctx.report('name', at, { data })
          })
        }
      },
    }
  },
})
