import { suggestKind } from '../../src/kinds.js'
import { valueAt } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { kindFacts } from '../../src/validation/metadata.js'
import { inNamespace, nameOf } from '../../src/wiring/describe.js'
import { SCALABLE, scaleTargetOf } from '../../src/wiring/scale-target.js'

export default defineRule({
  meta: {
    id: 'autoscaling/target',
    category: 'wiring',
    severity: 'error',
    description: 'A HorizontalPodAutoscaler targets a workload that is not in the input, a built-in kind that cannot be scaled, or a kind in the wrong API group.',
    remediation: 'Point scaleTargetRef at the Deployment, StatefulSet or ReplicaSet to scale, with its apiVersion, kind and exact name.',
    messages: {
      missing:
        '{{name}} scales {{kind}} {{target}}, which is not {{where}} in the input: the HPA would report AbleToScale False FailedGetScale ({{resource}} "{{target}}" not found) and never scale. Fix the name or add the {{kind}}.',
      noScale:
        '{{name}} targets {{kind}} {{target}}, but a {{kind}} has no scale subresource: the HPA reports AbleToScale False FailedGetScale and can never scale it. Target the Deployment, StatefulSet or ReplicaSet that runs the pods.',
      wrongGroup:
        '{{name}} targets {{kind}} with {{apiVersion}}, but {{kind}} is served in {{served}}: the HPA reports AbleToScale False FailedGetScale (no matches for kind "{{kind}}" in group "{{group}}") and never scales. Set scaleTargetRef.apiVersion to {{fix}}.',
    },
  },
  wire(ctx) {
    return {
      HorizontalPodAutoscaler(_hpa, self) {
        const target = scaleTargetOf(self)
        if (!target) return
        const name = nameOf(self, ctx.cluster.namespace)
        const apiVersion = target.view.scaleTargetRef?.apiVersion ?? ''
        const scalable = SCALABLE[target.kind]
        if (scalable && target.group !== scalable.group) {
          // a group that is not built-in belongs to a custom resource of the same kind name
          if (target.group !== '' && suggestKind(ctx.kubernetesVersion, apiVersion, target.kind) === undefined) return
          const fix = scalable.group === '' ? 'v1' : `${scalable.group}/v1`
          const written = valueAt(self.raw, ['spec', 'scaleTargetRef', 'apiVersion']) !== undefined
          ctx.report('wrongGroup', {
            at: written ? ['spec', 'scaleTargetRef', 'apiVersion'] : ['spec', 'scaleTargetRef'],
            point: written ? 'value' : 'key',
            data: { name, kind: target.kind, apiVersion: apiVersion ? `apiVersion "${apiVersion}"` : 'no apiVersion', group: target.group, served: scalable.group === '' ? 'the core group (v1)' : `group "${scalable.group}"`, fix },
          })
          return
        }
        if (scalable) {
          if (ctx.index.exists(target.kind, self.namespace, target.name)) return
          ctx.report('missing', {
            at: ['spec', 'scaleTargetRef', 'name'],
            data: { name, kind: target.kind, target: target.name, where: inNamespace(self.namespace), resource: scalable.resource },
            severity: ctx.index.coverage(target.kind, self.namespace) === 'partial' ? 'info' : 'warning',
          })
          return
        }
        // a served built-in kind without a scale subresource (DaemonSet, Job, Pod, Service…); custom kinds may have one
        if (!apiVersion || !kindFacts(ctx.kubernetesVersion, apiVersion, target.kind).builtin) return
        ctx.report('noScale', { at: ['spec', 'scaleTargetRef', 'kind'], data: { name, kind: target.kind, target: target.name } })
      },
    }
  },
})
