// A Role or ClusterRole that lets its subjects read Secrets (peer-checks §2.2 concept 32).
import { entryPath, grants, isRole, isSystemName, objectName, roleRules } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'

const READ = { verbs: ['get', 'list', 'watch'], resources: ['secrets'], groups: [''] }

export default defineRule({
  meta: {
    id: 'rbac/secrets-access',
    category: 'security',
    severity: 'warning',
    preset: 'all',
    description: 'A rule of a Role or ClusterRole that grants get, list or watch on Secrets without naming them in resourceNames.',
    remediation: 'Name the Secrets the subjects need in resourceNames (get only), or give them the values another way (a mounted volume, an external secret store).',
    messages: {
      secrets:
        'Rule {{rule}} of {{kind}} {{name}} grants {{verb}} on {{resource}} {{scope}}: whoever is bound to it reads every Secret there, service account tokens and other workloads\' credentials included. Name the Secrets it needs in resourceNames, or mount them instead.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        if (!isRole(object.kind) || isSystemName(objectName(object))) return
        for (const rule of roleRules(object)) {
          // resourceNames narrows the rule to the Secrets it names
          if (rule.resourceNames.length > 0) continue
          const grant = grants(rule, READ)
          if (!grant) continue
          const resource = rule.resources.includes('secrets') ? 'Secrets' : 'every resource (Secrets among them)'
          const scope = object.kind === 'Role' ? 'in its namespace' : 'in every namespace it is bound for'
          ctx.report('secrets', { path: entryPath(rule, 'resources', ['secrets']), text: '' }, { data: { rule: rule.index + 1, kind: object.kind, name: objectName(object), verb: grant.verb, resource, scope } })
        }
      },
    }
  },
})
