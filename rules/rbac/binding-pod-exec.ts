// A binding that lets its subjects exec into or attach to pods through the role it names (peer-checks §2.2
// concept 35: Polaris clusterrolebindingPodExecAttach, rolebindingClusterRolePodExecAttach,
// rolebindingRolePodExecAttach; a role missing from the input is rbac/missing-role).
import { BUILTIN_EXEC_ROLES, boundRole, grants, grantsNothingNew, isSystemName, POD_EXEC, roleRules, subjectList } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'rbac/binding-pod-exec',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description:
      'A ClusterRoleBinding or RoleBinding whose role grants create or get on pods/exec or pods/attach: a role of the input with such a rule, or the built-in cluster-admin, admin or edit.',
    remediation: 'Bind a role without pods/exec and pods/attach for everyday use, and a separate debugging role only when needed.',
    messages: {
      role: '{{kind}} {{name}} lets {{subjects}} exec into or attach to pods {{scope}}: rule {{rule}} of {{role}} grants {{verb}} on {{resource}}, so they can run commands in those pods with the pods\' service account tokens, mounted Secrets and network access. Bind a role without exec and attach, and a debugging role only when needed.',
      builtin:
        '{{kind}} {{name}} grants the built-in ClusterRole {{role}} to {{subjects}}, which includes create on pods/exec and pods/attach: they can run commands in every pod {{scope}}, with the pods\' service account tokens, mounted Secrets and network access. Bind view plus the rights they use, or a role without exec and attach.',
    },
  },
  wire(ctx) {
    return {
      Object(self) {
        const role = boundRole(self)
        if (!role || isSystemName(self.name) || grantsNothingNew(self.value)) return
        const data = { kind: self.kind, name: self.name, subjects: subjectList(self.value), scope: self.kind === 'ClusterRoleBinding' ? 'in every namespace' : `in namespace ${self.namespace}` }
        // the API server restores the built-in roles' rules at every start, whatever copy the input has
        if (role.kind === 'ClusterRole' && BUILTIN_EXEC_ROLES.has(role.name)) {
          ctx.report('builtin', { at: ['roleRef', 'name'], data: { ...data, role: role.name } })
          return
        }
        for (const definition of ctx.index.named(role.kind, role.namespace, role.name)) {
          for (const rule of roleRules(definition.value)) {
            const grant = grants(rule, POD_EXEC)
            if (!grant) continue
            const related = [{ object: definition, path: rule.path, message: `rule ${rule.index + 1} of ${nameOf(definition, ctx.cluster.namespace)}` }]
            ctx.report('role', { at: ['roleRef', 'name'], data: { ...data, ...grant, rule: rule.index + 1, role: `${role.kind} ${role.name}` }, related })
            return
          }
        }
      },
    }
  },
})
