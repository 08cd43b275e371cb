// The API server's warning about pod (anti)affinity terms and topology spread constraints without a labelSelector (A.20).
import { defineRule } from '../../src/rule.js'
import { warning, type Path } from '../../src/validation/pod.js'

export default defineRule({
  meta: {
    id: 'pod/null-label-selector',
    category: 'server',
    severity: 'warning',
    description: 'A pod (anti)affinity term or topology spread constraint with no labelSelector, which matches no pod; the API server warns about it.',
    remediation: "Add a labelSelector that matches the pods to spread from or gather with (usually the pod's own labels).",
    messages: {
      nullSelector: '{{error}}. Without a selector the term counts no pods, so it has no effect.',
    },
  },
  create(ctx) {
    const check = (selector: unknown, path: Path) => {
      if (selector === undefined || selector === null) ctx.report('nullSelector', warning([...path, 'labelSelector'], 'a null labelSelector results in matching no pod'))
    }
    return {
      PodSpec(spec, visit) {
        spec.topologySpreadConstraints?.forEach((c, i) => c && check(c.labelSelector, [...visit.path, 'topologySpreadConstraints', i]))
        for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
          const pa = spec.affinity?.[kind]
          const p0: Path = [...visit.path, 'affinity', kind]
          pa?.requiredDuringSchedulingIgnoredDuringExecution?.forEach((t, i) => t && check(t.labelSelector, [...p0, 'requiredDuringSchedulingIgnoredDuringExecution', i]))
          pa?.preferredDuringSchedulingIgnoredDuringExecution?.forEach((w, i) => {
            if (w?.podAffinityTerm) check(w.podAffinityTerm.labelSelector, [...p0, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm'])
          })
        }
      },
    }
  },
})
