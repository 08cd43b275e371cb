// A binding that hands out cluster-admin, or a role of the input that grants as much (peer-checks §2.2 concepts 29
// and 30: kube-linter cluster-admin-role-binding; Polaris clusterrolebindingClusterAdmin,
// rolebindingClusterAdminClusterRole, rolebindingClusterAdminRole).
import { boundRole, grantsEverything, grantsNothingNew, isSystemName, roleRules, subjectList } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'rbac/cluster-admin-binding',
    category: 'security',
    severity: 'warning',
    description:
      'A ClusterRoleBinding or RoleBinding whose roleRef is the ClusterRole cluster-admin, or a Role or ClusterRole of the input with a rule granting every verb on every resource in every API group.',
    remediation: 'Bind a role that lists only the resources and verbs the subjects use; keep cluster-admin for break-glass credentials outside the manifests.',
    messages: {
      cluster:
        '{{kind}} {{name}} grants cluster-admin to {{subjects}}: every verb on every resource in every namespace, including reading all Secrets, running pods anywhere and changing RBAC itself. Bind a role that lists only what they use.',
      namespace:
        'RoleBinding {{name}} grants cluster-admin in its namespace to {{subjects}}: every verb on every resource there, including its Secrets, its pods and its Roles and RoleBindings. Bind a role that lists only what they use (the built-in admin or edit ClusterRole at most).',
      clusterWildcard:
        'ClusterRoleBinding {{name}} grants {{role}} to {{subjects}}, and rule {{rule}} of that role allows {{verbs}} on every resource in every API group: as much as cluster-admin, in every namespace, including reading all Secrets, running pods anywhere and changing RBAC itself. Bind a role that lists only what they use.',
      namespaceWildcard:
        'RoleBinding {{name}} grants {{role}} in its namespace to {{subjects}}, and rule {{rule}} of that role allows {{verbs}} on every resource in every API group: as much as cluster-admin there, including its Secrets, its pods and its Roles and RoleBindings. Bind a role that lists only what they use.',
    },
  },
  wire(ctx) {
    return {
      Object(self) {
        const role = boundRole(self)
        if (!role || isSystemName(self.name) || grantsNothingNew(self.value)) return
        const data = { kind: self.kind, name: self.name, subjects: subjectList(self.value) }
        const cluster = self.kind === 'ClusterRoleBinding'
        // cluster-admin by name: the API server restores its wildcards at every start, whatever the input says
        if (role.kind === 'ClusterRole' && role.name === 'cluster-admin') {
          ctx.report(cluster ? 'cluster' : 'namespace', { at: ['roleRef', 'name'], data })
          return
        }
        for (const definition of ctx.index.named(role.kind, role.namespace, role.name)) {
          const rule = roleRules(definition.value).find(grantsEverything)
          if (!rule) continue
          const verbs = rule.verbs.includes('*') ? 'every verb' : 'get, list, watch, create, update, patch and delete'
          const related = [{ object: definition, path: rule.path, message: `rule ${rule.index + 1} of ${nameOf(definition, ctx.cluster.namespace)}` }]
          ctx.report(cluster ? 'clusterWildcard' : 'namespaceWildcard', {
            at: ['roleRef', 'name'],
            data: { ...data, role: `${role.kind} ${role.name}`, rule: rule.index + 1, verbs },
            related,
          })
          return
        }
      },
    }
  },
})
