// A binding that hands out the cluster-admin ClusterRole (peer-checks §2.2 concept 29).
import { isBinding, isSystemName, objectName } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'
import { isObj } from '../../src/validation/metadata.js'

// the group every cluster-admin credential is in: binding it to cluster-admin grants nothing new
const isMastersGroup = (s: unknown): boolean => isObj(s) && s.kind === 'Group' && s.name === 'system:masters'

export default defineRule({
  meta: {
    id: 'rbac/cluster-admin-binding',
    category: 'security',
    severity: 'warning',
    description: 'A ClusterRoleBinding or RoleBinding whose roleRef is the ClusterRole cluster-admin, which allows every verb on every resource.',
    remediation: 'Bind a role that lists only the resources and verbs the subjects use; keep cluster-admin for break-glass credentials outside the manifests.',
    messages: {
      cluster:
        '{{kind}} {{name}} grants cluster-admin to {{subjects}}: every verb on every resource in every namespace, including reading all Secrets, running pods anywhere and changing RBAC itself. Bind a role that lists only what they use.',
      namespace:
        'RoleBinding {{name}} grants cluster-admin in its namespace to {{subjects}}: every verb on every resource there, including its Secrets, its pods and its Roles and RoleBindings. Bind a role that lists only what they use (the built-in admin or edit ClusterRole at most).',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        if (!isBinding(object.kind) || isSystemName(objectName(object))) return
        const ref = object.roleRef
        if (!isObj(ref) || ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') return
        const subjects = Array.isArray(object.subjects) ? object.subjects : []
        if (subjects.length > 0 && subjects.every(isMastersGroup)) return
        const names = subjects.filter(isObj).map((s) => `${String(s.kind)} ${typeof s.namespace === 'string' ? `${s.namespace}/` : ''}${String(s.name)}`)
        const data = { kind: object.kind, name: objectName(object), subjects: names.length > 0 ? names.join(', ') : 'no subject yet' }
        ctx.report(object.kind === 'RoleBinding' ? 'namespace' : 'cluster', { path: ['roleRef', 'name'], text: '' }, { data })
      },
    }
  },
})
