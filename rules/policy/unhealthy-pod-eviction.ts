// Policy: PodDisruptionBudgets that leave unhealthyPodEvictionPolicy to its default, IfHealthyBudget (peer concept 67:
// kube-linter pdb-unhealthy-pod-eviction-policy). The field is served from 1.27 (beta, on by default; GA in 1.31).
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'policy/unhealthy-pod-eviction',
    category: 'reliability',
    severity: 'info',
    preset: 'strict',
    description: 'A PodDisruptionBudget that does not set unhealthyPodEvictionPolicy (Kubernetes 1.27 and later), so running but not ready pods can be evicted only while the budget is met.',
    remediation: 'Set spec.unhealthyPodEvictionPolicy: AlwaysAllow, or IfHealthyBudget to keep the default on purpose.',
    messages: {
      unset:
        'The budget sets no unhealthyPodEvictionPolicy, so IfHealthyBudget applies: a pod that is running but not ready (crash-looping, stuck starting) may be evicted only while the budget is met, so when too many pods of the application are broken, kubectl drain waits on them until they recover. Set unhealthyPodEvictionPolicy: AlwaysAllow (what the Kubernetes docs recommend), or IfHealthyBudget to keep the default on purpose.',
    },
  },
  create(ctx) {
    return {
      PodDisruptionBudget(pdb) {
        // before 1.27 the API server drops the field (feature gate off)
        if (ctx.minor < 27) return
        if (ctx.apiVersion !== 'policy/v1' && ctx.apiVersion !== 'policy/v1beta1') return
        const policy = pdb.spec?.unhealthyPodEvictionPolicy
        if (typeof policy === 'string' && policy !== '') return
        ctx.report('unset', { path: ['spec', 'unhealthyPodEvictionPolicy'], text: '' }, { point: 'key' })
      },
    }
  },
})
