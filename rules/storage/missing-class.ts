// Claims whose storage class the cluster does not have, or that rely on a default class the cluster lacks
// (k8s-semantics B.12): the claim is accepted and stays Pending.
import type { PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { nameOf } from '../../src/wiring/describe.js'
import { isObj } from '../../src/validation/metadata.js'

type Path = readonly PathSegment[]

const DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class'
// the beta annotation still wins over storageClassName when set
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/** a claim spec and where it is: a PVC, a StatefulSet claim template, an ephemeral volume's template */
interface Claim {
  spec: PersistentVolumeClaimSpec
  metadata: Record<string, unknown> | undefined
  /** path of the claim spec from the object's root */
  at: Path
  /** "PersistentVolumeClaim data", "claim template data", "ephemeral volume scratch" */
  what: string
}

export default defineRule({
  meta: {
    id: 'storage/missing-class',
    category: 'wiring',
    severity: 'warning',
    description: 'A claim names a StorageClass the cluster does not have, or sets none where the cluster has no default class, so it stays Pending.',
    remediation: 'Name one of the StorageClasses the cluster has (or add the StorageClass), or mark one class as the default.',
    messages: {
      missing:
        '{{name}}: {{what}} asks for StorageClass {{class}}, which {{known}}: the claim stays Pending (ProvisioningFailed: storageclass.storage.k8s.io "{{class}}" not found). Use {{choice}}, or add the StorageClass.',
      noDefault:
        '{{name}}: {{what}} sets no storageClassName and none of the cluster\'s StorageClasses ({{classes}}) is the default: the claim stays Pending (no persistent volumes available for this claim and no storage class is set). Set storageClassName, or mark a class as the default.',
    },
  },
  wire(ctx) {
    const profile = ctx.cluster.storageClasses
    const inInput = ctx.index.ofKind('StorageClass')
    const known = new Set([...(profile ?? []).map((c) => c.name), ...inInput.map((o) => o.name).filter((n) => n !== '')])
    const hasDefault = (profile ?? []).some((c) => c.default) || inInput.some((o) => isObj(o.value.metadata?.annotations) && o.value.metadata.annotations[DEFAULT_ANNOTATION] === 'true')
    const choice = known.size === 1 ? [...known][0] : `one of ${[...known].sort().join(', ')}`
    const classes = known.size === 0 ? 'no StorageClass' : [...known].sort().join(', ')
    // the profile lists the cluster's classes; the input's alone may be only some of them
    const severity = profile ? undefined : ('info' as const)
    const knownWords = profile ? 'the cluster profile does not list and the input does not define' : 'the input does not define'
    // static PersistentVolumes of a class bind without the class existing
    const staticClasses = new Set(ctx.index.ofKind('PersistentVolume').map((o) => (isObj(o.value.spec) ? o.value.spec.storageClassName : undefined)))

    // a claim with no class binds to a PersistentVolume with none
    const classless = staticClasses.has(undefined) || staticClasses.has('') || staticClasses.has(null)

    const check = (self: IndexedObject, claim: Claim) => {
      // the class is only looked up to provision a volume
      if (typeof claim.spec.volumeName === 'string' && claim.spec.volumeName !== '') return
      if (isObj(claim.metadata?.annotations) && BETA_CLASS_ANNOTATION in claim.metadata.annotations) return
      const name = nameOf(self, ctx.cluster.namespace)
      const cls = claim.spec.storageClassName
      if (typeof cls === 'string' && cls !== '') {
        if (known.size === 0 || known.has(cls) || staticClasses.has(cls) || ctx.index.exists('StorageClass', undefined, cls)) return
        ctx.report('missing', { at: [...claim.at, 'storageClassName'], data: { name, what: claim.what, class: cls, known: knownWords, choice }, severity })
        return
      }
      // "" asks for no dynamic provisioning; unset takes the default, which only the profile can say is missing
      if (cls === '' || !profile || hasDefault || claim.spec.selector || classless) return
      ctx.report('noDefault', { at: claim.at, point: 'key', data: { name, what: claim.what, classes } })
    }

    return {
      PersistentVolumeClaim(pvc, self) {
        if (pvc.spec) check(self, { spec: pvc.spec, metadata: pvc.metadata as Record<string, unknown> | undefined, at: ['spec'], what: 'the claim' })
      },
      StatefulSet(sts, self) {
        sts.spec?.volumeClaimTemplates?.forEach((t, i) => {
          if (t?.spec) check(self, { spec: t.spec, metadata: t.metadata as Record<string, unknown> | undefined, at: ['spec', 'volumeClaimTemplates', i, 'spec'], what: `claim template ${t.metadata?.name ?? i}` })
        })
      },
      PodSpec(spec, self) {
        if (self.kind === 'PodTemplate') return
        spec.volumes?.forEach((v, i) => {
          const t = v?.ephemeral?.volumeClaimTemplate
          if (isObj(t) && t.spec) {
            const at = [...self.pods!.specPath, 'volumes', i, 'ephemeral', 'volumeClaimTemplate', 'spec']
            check(self, { spec: t.spec, metadata: t.metadata as Record<string, unknown> | undefined, at, what: `ephemeral volume ${v.name}` })
          }
        })
      },
    }
  },
})
