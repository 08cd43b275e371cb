import { defineRule } from '../../src/rule.js'
import { statefulSetPodName } from '../../src/simulate/names.js'

// a controller hash (pod-template-hash, a ControllerRevision's) has up to 10 characters, after a dash
const HASH = 11

export default defineRule({
  meta: {
    id: 'workload/child-name-length',
    category: 'wiring',
    severity: 'error',
    description: 'A StatefulSet or Deployment name is valid, but the names and labels its controller derives from it are too long, so its pods are never created.',
    remediation: 'Shorten the name: at most 52 characters for a StatefulSet, 242 for a Deployment.',
    messages: {
      statefulSet:
        'StatefulSet name "{{name}}" has {{length}} characters: the API server accepts it, but the label controller-revision-hash: <name>-<hash of up to 10 characters> that every pod gets is then longer than 63 characters, so no pod is created (FailedCreate … Pod "{{pod}}" is invalid: metadata.labels: Invalid value: "{{name}}-<hash>": must be no more than 63 characters). Shorten it to 52 characters or fewer.',
      deployment:
        'Deployment name "{{short}}…" has {{length}} characters: the API server accepts it, but its ReplicaSets are named <name>-<pod-template-hash of up to 10 characters>, longer than the 253 an object name may have, so the Deployment controller cannot create them and no pod starts (condition Progressing False, ReplicaSetCreateError). Shorten it to 242 characters or fewer.',
    },
  },
  wire(ctx) {
    return {
      StatefulSet(sts, self) {
        const length = self.name.length
        // longer names are rejected by the server (metadata/name): a DNS label from 1.27, a subdomain before
        if (length <= 63 - HASH || length > (ctx.minor >= 27 ? 63 : 253)) return
        const pod = statefulSetPodName(self.name, sts.spec?.ordinals?.start ?? 0)
        ctx.report('statefulSet', { at: ['metadata', 'name'], data: { name: self.name, length, pod } })
      },
      Deployment(_d, self) {
        const length = self.name.length
        if (length <= 253 - HASH || length > 253) return
        ctx.report('deployment', { at: ['metadata', 'name'], data: { short: self.name.slice(0, 40), length } })
      },
    }
  },
})
