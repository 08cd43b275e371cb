import type { PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { labelMapErrors, lengthUnit } from '../../src/validation/selector.js'
import { claimSpecErrors } from '../../src/validation/storage.js'

// ObjectMeta fields an ephemeral volume's claim template may not set, with the name the server prints (Go's field
// name with a lower-case first letter: UID becomes "uID")
const FORBIDDEN_META: Record<string, string> = {
  name: 'name', generateName: 'generateName', namespace: 'namespace', selfLink: 'selfLink', uid: 'uID', resourceVersion: 'resourceVersion',
  generation: 'generation', creationTimestamp: 'creationTimestamp', deletionTimestamp: 'deletionTimestamp',
  deletionGracePeriodSeconds: 'deletionGracePeriodSeconds', ownerReferences: 'ownerReferences', finalizers: 'finalizers', managedFields: 'managedFields',
}

/** set, as Go's comparison with the zero value sees it ("" and 0 are unset; empty lists are left out, to be safe) */
const isSet = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && v !== 0 && v !== false && !(Array.isArray(v) && v.length === 0)

export default defineRule({
  meta: {
    id: 'storage/claim-templates',
    category: 'server',
    severity: 'error',
    description: "A StatefulSet's volumeClaimTemplates (validated from Kubernetes 1.34) or a pod's ephemeral volume claim template has a claim spec the API server rejects, or an ephemeral template sets metadata other than labels and annotations.",
    remediation: 'Give each claim template at least one access mode and resources.requests.storage, and keep only labels and annotations in an ephemeral template\'s metadata.',
    messages: {
      accessModes: '{{error}}. Use ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod (alone).',
      storage: '{{error}}. Request a positive size under resources.requests.storage, e.g. 10Gi.',
      storageClassName: '{{error}}. Use the name of a StorageClass, or "" for no class.',
      volumeMode: '{{error}}.',
      selector: '{{error}}.',
      dataSource: '{{error}}.',
      templateRequired: '{{error}}. An ephemeral volume needs a volumeClaimTemplate.',
      templateMetadata: '{{error}}. The claim is named after the pod and volume; keep only labels and annotations.',
      templateLabels: '{{error}}.',
    },
  },
  create(ctx) {
    const checkSpec = (template: { spec?: PersistentVolumeClaimSpec | null }, path: readonly PathSegment[]) => {
      if (!template.spec) return
      for (const e of claimSpecErrors(template.spec, [...path, 'spec'], ctx.minor)) ctx.report(e.problem, e.error, { point: e.point })
    }
    return {
      StatefulSet(sts) {
        // before 1.34 the server did not validate the templates (claims failed later, at creation)
        if (ctx.minor < 34 || ctx.apiVersion !== 'apps/v1') return
        sts.spec?.volumeClaimTemplates?.forEach((template, i) => {
          if (template) checkSpec(template, ['spec', 'volumeClaimTemplates', i])
        })
      },
      PodSpec(spec, visit) {
        spec.volumes?.forEach((volume, i) => {
          if (!volume || !isSet(volume.ephemeral)) return
          // with another source set first, the server reports that and never looks at the ephemeral one
          const others = Object.entries(volume).filter(([k, v]) => k !== 'name' && k !== 'ephemeral' && v !== null && v !== undefined)
          if (others.length > 0) return
          const path = [...visit.path, 'volumes', i, 'ephemeral', 'volumeClaimTemplate']
          const template = volume.ephemeral!.volumeClaimTemplate
          if (!template) {
            ctx.report('templateRequired', fieldError.required(path))
            return
          }
          const meta = (template.metadata ?? {}) as Record<string, unknown>
          for (const [key, value] of Object.entries(meta.annotations && typeof meta.annotations === 'object' ? meta.annotations : {})) {
            void value
            for (const msg of qualifiedName(key.toLowerCase(), lengthUnit(ctx.minor))) {
              ctx.report('templateLabels', { ...fieldError.invalid([...path, 'metadata', 'annotations'], key, msg), path: [...path, 'metadata', 'annotations', { key }] }, { point: 'key' })
            }
          }
          for (const e of labelMapErrors(meta.labels, [...path, 'metadata', 'labels'], ctx.minor)) ctx.report('templateLabels', e.error, { point: e.point })
          for (const [field, printed] of Object.entries(FORBIDDEN_META)) {
            if (isSet(meta[field])) ctx.report('templateMetadata', { ...fieldError.forbidden([...path, 'metadata', printed], 'cannot be set'), path: [...path, 'metadata', field] }, { point: 'key' })
          }
          checkSpec(template, path)
        })
      },
    }
  },
})
