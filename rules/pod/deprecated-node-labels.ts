// The API server's warnings about deprecated node labels in nodeSelector, node affinity and topology keys (A.20).
import { defineRule } from '../../src/rule.js'
import { warning, type Path } from '../../src/validation/pod.js'

const DEPRECATED: Record<string, { since: string; use: string }> = {
  'beta.kubernetes.io/arch': { since: 'v1.14', use: 'kubernetes.io/arch' },
  'beta.kubernetes.io/os': { since: 'v1.14', use: 'kubernetes.io/os' },
  'failure-domain.beta.kubernetes.io/region': { since: 'v1.17', use: 'topology.kubernetes.io/region' },
  'failure-domain.beta.kubernetes.io/zone': { since: 'v1.17', use: 'topology.kubernetes.io/zone' },
  'beta.kubernetes.io/instance-type': { since: 'v1.17', use: 'node.kubernetes.io/instance-type' },
}

export default defineRule({
  meta: {
    id: 'pod/deprecated-node-labels',
    category: 'server',
    severity: 'warning',
    description: 'A deprecated node label (beta.kubernetes.io/os, failure-domain.beta.kubernetes.io/zone, …) used to place pods, which the API server warns about.',
    remediation: 'Use the label that replaces it (kubernetes.io/os, topology.kubernetes.io/zone, …).',
    messages: {
      deprecated: '{{error}}.',
    },
  },
  create(ctx) {
    const check = (label: string | undefined, path: Path, point?: 'key') => {
      const d = label === undefined ? undefined : DEPRECATED[label]
      if (d) ctx.report('deprecated', warning(path, `deprecated since ${d.since}; use ${JSON.stringify(d.use)} instead`), point ? { point } : undefined)
    }
    return {
      PodSpec(spec, visit) {
        const at = visit.path
        for (const key of Object.keys(spec.nodeSelector ?? {})) check(key, [...at, 'nodeSelector', { key }], 'key')
        const na = spec.affinity?.nodeAffinity
        const na0: Path = [...at, 'affinity', 'nodeAffinity']
        na?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.forEach((term, i) => {
          term?.matchExpressions?.forEach((req, j) => {
            check(req?.key, [...na0, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms', i, 'matchExpressions', j, 'key'])
          })
        })
        na?.preferredDuringSchedulingIgnoredDuringExecution?.forEach((pref, i) => {
          pref?.preference?.matchExpressions?.forEach((req, j) => {
            check(req?.key, [...na0, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'preference', 'matchExpressions', j, 'key'])
          })
        })
        for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
          const pa = spec.affinity?.[kind]
          const p0: Path = [...at, 'affinity', kind]
          pa?.requiredDuringSchedulingIgnoredDuringExecution?.forEach((term, i) => {
            check(term?.topologyKey, [...p0, 'requiredDuringSchedulingIgnoredDuringExecution', i, 'topologyKey'])
          })
          pa?.preferredDuringSchedulingIgnoredDuringExecution?.forEach((w, i) => {
            check(w?.podAffinityTerm?.topologyKey, [...p0, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm', 'topologyKey'])
          })
        }
        spec.topologySpreadConstraints?.forEach((c, i) => check(c?.topologyKey, [...at, 'topologySpreadConstraints', i, 'topologyKey']))
      },
    }
  },
})
