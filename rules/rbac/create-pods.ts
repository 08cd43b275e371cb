// A Role or ClusterRole that lets its subjects create pods, directly or through a workload (peer-checks §2.2 concept 33).
import { entryPath, grants, isRole, isSystemName, objectName, roleRules, type Permission } from '../../src/policy/rbac.js'
import { defineRule } from '../../src/rule.js'

// each group with the kinds of it that create pods (extensions served the apps kinds before 1.16)
const POD_CREATORS: readonly Permission[] = [
  { verbs: ['create'], groups: [''], resources: ['pods', 'replicationcontrollers'] },
  { verbs: ['create'], groups: ['apps', 'extensions'], resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'] },
  { verbs: ['create'], groups: ['batch'], resources: ['jobs', 'cronjobs'] },
]

export default defineRule({
  meta: {
    id: 'rbac/create-pods',
    category: 'security',
    severity: 'warning',
    preset: 'all',
    description: 'A rule of a Role or ClusterRole that grants create on pods or on a workload that creates pods (Deployments, DaemonSets, StatefulSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs).',
    remediation: 'Grant create on pods and workloads only to the deployment tooling, and pair it with Pod Security admission so the pods it may create are restricted.',
    messages: {
      create:
        'Rule {{rule}} of {{kind}} {{name}} grants {{verb}} on {{resource}}: its subjects can start pods that mount any Secret and run as any ServiceAccount of the namespace, so they hold every permission those have. Grant this only to deployment tooling, with Pod Security admission limiting what the pods may do.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        if (!isRole(object.kind) || isSystemName(objectName(object))) return
        for (const rule of roleRules(object)) {
          const grant = POD_CREATORS.map((p) => grants(rule, p)).find((g) => g !== undefined)
          if (!grant) continue
          const path = entryPath(rule, 'resources', POD_CREATORS.flatMap((p) => p.resources))
          ctx.report('create', { path, text: '' }, { data: { rule: rule.index + 1, kind: object.kind, name: objectName(object), verb: grant.verb, resource: grant.resource } })
        }
      },
    }
  },
})
