// A Role or ClusterRole rule that uses `*` for its verbs, resources or API groups (peer-checks §2.2 concept 31).
import { entryPath, isRole, isSystemName, objectName, roleRules } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'

const LISTS = ['verbs', 'resources', 'apiGroups'] as const
const NOUN = { verbs: 'verb', resources: 'resource', apiGroups: 'API group' } as const

/** "a", "a and b", "a, b and c" */
const joinAnd = (words: readonly string[]): string => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`)

export default defineRule({
  meta: {
    id: 'rbac/wildcard-rules',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A rule of a Role or ClusterRole with "*" among its verbs, resources or apiGroups, which also grants whatever verbs, resources and API groups are added later.',
    remediation: 'List the verbs, resources and API groups the subjects use instead of "*".',
    messages: {
      wildcard:
        'Rule {{rule}} of {{kind}} {{name}} grants "*" in {{lists}}: that covers every {{what}} there is and every one the cluster gains later (a new CRD, a new subresource, a custom verb), so the role grows without anyone changing it. List the ones the subjects use.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        if (!isRole(object.kind) || isSystemName(objectName(object))) return
        for (const rule of roleRules(object)) {
          const lists = LISTS.filter((l) => rule[l].includes('*'))
          if (lists.length === 0) continue
          const data = { rule: rule.index + 1, kind: object.kind, name: objectName(object), lists: joinAnd(lists), what: joinAnd(lists.map((l) => NOUN[l])) }
          ctx.report('wildcard', { path: entryPath(rule, lists[0], []), text: '' }, { data })
        }
      },
    }
  },
})
