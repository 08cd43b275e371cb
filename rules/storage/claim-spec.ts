import { defineRule } from '../../src/rule.js'
import { claimSpecErrors } from '../../src/validation/storage.js'

export default defineRule({
  meta: {
    id: 'storage/claim-spec',
    category: 'server',
    severity: 'error',
    description: 'A PersistentVolumeClaim has no access mode or an unknown one, no positive storage request, a malformed storageClassName, an unknown volumeMode, an invalid selector, or a data source the API server rejects.',
    remediation: 'Give the claim at least one access mode (e.g. ReadWriteOnce) and resources.requests.storage (e.g. 10Gi), and fix the field the error names.',
    messages: {
      accessModes: '{{error}}. Use ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod (alone).',
      storage: '{{error}}. Request a positive size under resources.requests.storage, e.g. 10Gi.',
      storageClassName: '{{error}}. Use the name of a StorageClass, or "" for no class.',
      volumeMode: '{{error}}.',
      selector: '{{error}}.',
      dataSource: '{{error}}.',
    },
  },
  create(ctx) {
    return {
      PersistentVolumeClaim(pvc) {
        if (ctx.apiVersion !== 'v1' || !pvc.spec) return
        for (const e of claimSpecErrors(pvc.spec, ['spec'], ctx.minor)) ctx.report(e.problem, e.error, { point: e.point })
      },
    }
  },
})
