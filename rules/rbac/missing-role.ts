// A binding whose roleRef names a Role or ClusterRole that neither the input nor the cluster has (peer-checks §2.2
// concept 35, the "missing" half of Polaris' clusterrolebindingPodExecAttach, rolebindingClusterRolePodExecAttach and
// rolebindingRolePodExecAttach): the API server accepts it, and it grants nothing.
import { boundRole, isBuiltinRole } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'rbac/missing-role',
    category: 'wiring',
    severity: 'warning',
    description: 'A RoleBinding or ClusterRoleBinding whose roleRef names a Role or ClusterRole that the input does not define and that is not one every cluster has.',
    remediation: 'Add the role to the input (or list it under existing in the cluster profile), or correct roleRef.name.',
    messages: {
      missing:
        '{{name}} binds {{kind}} {{role}}, but the input has no {{kind}} {{role}}{{where}}: the API server accepts the binding, but it grants nothing until the role exists, so {{subjects}} get "forbidden" errors. Add the {{kind}}, correct roleRef.name, or list it under existing in the cluster profile.',
      clusterRole:
        '{{name}} binds Role {{role}}, but {{role}} is a ClusterRole in the input, and there is no Role {{role}} in namespace {{namespace}}: the API server accepts the binding, but it grants nothing, so {{subjects}} get "forbidden" errors. Set roleRef.kind: ClusterRole (a RoleBinding grants its rules in the binding\'s namespace).',
      otherNamespace:
        '{{name}} binds Role {{role}}, but Role {{role}} is in namespace {{other}}, not {{namespace}}: a RoleBinding can only name a Role of its own namespace, so the binding grants nothing and {{subjects}} get "forbidden" errors. Move the binding or the Role, or bind a ClusterRole.',
    },
  },
  wire(ctx) {
    return {
      Object(self) {
        const role = boundRole(self)
        if (!role || isBuiltinRole(role) || ctx.index.exists(role.kind, role.namespace, role.name)) return
        const subjects = Array.isArray(self.value.subjects) && self.value.subjects.length > 0 ? 'its subjects' : 'any subject added later'
        const data = { name: nameOf(self, ctx.cluster.namespace), kind: role.kind, role: role.name, where: role.namespace === undefined ? '' : ` in namespace ${role.namespace}`, namespace: role.namespace, subjects }
        // roles of another chart or of the platform are managed elsewhere when the input has none of that kind there
        const severity = ctx.index.coverage(role.kind, role.namespace) === 'partial' ? ('info' as const) : undefined
        const cluster = role.kind === 'Role' ? ctx.index.get('ClusterRole', undefined, role.name) : undefined
        if (cluster) {
          const related = [{ object: cluster, message: `ClusterRole ${role.name}` }]
          ctx.report('clusterRole', { at: ['roleRef', 'kind'], data, related, severity })
          return
        }
        const elsewhere = role.kind === 'Role' ? ctx.index.ofKind('Role').find((r) => r.name === role.name) : undefined
        if (elsewhere) {
          const related = [{ object: elsewhere, message: `${nameOf(elsewhere, ctx.cluster.namespace)}, in another namespace` }]
          ctx.report('otherNamespace', { at: ['roleRef', 'name'], data: { ...data, other: elsewhere.namespace }, related, severity })
          return
        }
        ctx.report('missing', { at: ['roleRef', 'name'], data, severity })
      },
    }
  },
})
