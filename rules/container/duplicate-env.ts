import type { EnvVar } from 'kubernetes-types/core/v1.js'
import { formatPath } from '../../src/field-path.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'container/duplicate-env',
    category: 'server',
    severity: 'warning',
    description: 'A container defines the same environment variable twice, and the later one hides the former, which kubectl apply may drop.',
    remediation: 'Keep one definition of each variable, or have the later one build on the former with $(NAME).',
    messages: {
      hides: '{{error}}. Remove one of the two definitions.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const env: unknown = c.container.env
          if (!Array.isArray(env) || env.length < 2) continue
          const names = new Set<string>()
          env.forEach((item: EnvVar | null, i) => {
            if (!item || typeof item !== 'object' || typeof item.name !== 'string') return
            if (!names.has(item.name)) {
              names.add(item.name)
              return
            }
            // a later X="prefix:$(X)" builds on the former and is fine
            const ref = `$(${item.name})`
            const value = item.value ?? ''
            const bad = (item.valueFrom !== undefined && item.valueFrom !== null) || value === ref || !value.includes(ref)
            if (!bad) return
            const path = [...c.path, 'env', i]
            ctx.report('hides', { path, text: `${formatPath(path)}: hides previous definition of ${JSON.stringify(item.name)}, which may be dropped when using apply` })
          })
        }
      },
    }
  },
})
