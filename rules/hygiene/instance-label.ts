// Policy: an app.kubernetes.io/instance label that differs from the object's name (peer concept 86: Polaris
// metadataAndInstanceMismatched), on Pods and the objects that create them.
import { defineRule } from '../../src/rule.js'

const INSTANCE = 'app.kubernetes.io/instance'
/** Polaris's Controller target: Pods and the built-in kinds that create pods */
const POD_CREATORS: ReadonlySet<string> = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'])

export default defineRule({
  meta: {
    id: 'hygiene/instance-label',
    category: 'hygiene',
    severity: 'info',
    preset: 'all',
    description: `A Pod or workload whose ${INSTANCE} label differs from its metadata.name.`,
    remediation: `Set the ${INSTANCE} label to the object's name, or leave the label out.`,
    messages: {
      mismatch:
        '{{kind}} {{name}} has the label ' + INSTANCE + ': {{instance}}: dashboards and selectors that read the label as the instance\'s name find it under another name. Set the label to {{name}}, or leave it out.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        if (!POD_CREATORS.has(object.kind)) return
        const meta = object.metadata
        const name = meta?.name
        const labels = meta?.labels as Record<string, unknown> | undefined
        const instance = labels?.[INSTANCE]
        // an object with only a generateName has no name to compare
        if (typeof name !== 'string' || name === '' || typeof instance !== 'string' || instance === name) return
        ctx.report('mismatch', { path: ['metadata', 'labels', INSTANCE], text: '' }, { data: { kind: object.kind, name, instance } })
      },
    }
  },
})
