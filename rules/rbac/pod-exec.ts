// A Role or ClusterRole that lets its subjects exec into or attach to pods (peer-checks §2.2 concept 34).
import { entryPath, grants, isRole, isSystemName, objectName, POD_EXEC as EXEC, roleRules } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'rbac/pod-exec',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A rule of a Role or ClusterRole that grants create or get on pods/exec or pods/attach, so its subjects can run commands inside the pods they reach.',
    remediation: 'Leave pods/exec and pods/attach out of roles that workloads and everyday users hold; grant them to a separate debugging role bound only when needed.',
    messages: {
      exec: 'Rule {{rule}} of {{kind}} {{name}} grants {{verb}} on {{resource}}: its subjects can run commands in the pods it reaches, with the pods\' service account tokens, mounted Secrets and network access. Move exec and attach into a separate role bound only for debugging.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        if (!isRole(object.kind) || isSystemName(objectName(object))) return
        for (const rule of roleRules(object)) {
          const grant = grants(rule, EXEC)
          if (!grant) continue
          ctx.report('exec', { path: entryPath(rule, 'resources', EXEC.resources), text: '' }, { data: { rule: rule.index + 1, kind: object.kind, name: objectName(object), verb: grant.verb, resource: grant.resource } })
        }
      },
    }
  },
})
