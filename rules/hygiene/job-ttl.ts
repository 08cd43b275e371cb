// Policy: Jobs that stay in the cluster after they finish (peer concept 61: kube-linter
// job-ttl-seconds-after-finished). The Jobs of a CronJob are pruned by its history limits instead.
import { defineRule } from '../../src/rule.js'

// hooks their tool deletes itself
const DELETED_BY_TOOL = ['helm.sh/hook-delete-policy', 'argocd.argoproj.io/hook-delete-policy']

export default defineRule({
  meta: {
    id: 'hygiene/job-ttl',
    category: 'hygiene',
    severity: 'warning',
    preset: 'all',
    description: 'A Job without spec.ttlSecondsAfterFinished, so it and its pods stay in the cluster after it finishes until someone deletes them.',
    remediation: 'Set spec.ttlSecondsAfterFinished (e.g. 86400 to keep a day for inspection), or run the Job from a CronJob whose history limits prune it.',
    messages: {
      missing:
        'The Job sets no ttlSecondsAfterFinished: once it finishes, the Job and its pods stay in the cluster until deleted by hand, and applying a changed version of the manifest fails, since the pod template of a Job cannot be changed. Set spec.ttlSecondsAfterFinished (e.g. 86400).',
    },
  },
  create(ctx) {
    return {
      Job(job) {
        if (typeof job.spec?.ttlSecondsAfterFinished === 'number') return
        const annotations: Record<string, unknown> = job.metadata?.annotations ?? {}
        if (DELETED_BY_TOOL.some((a) => a in annotations)) return
        ctx.report('missing', { path: ['spec', 'ttlSecondsAfterFinished'], text: '' })
      },
    }
  },
})
