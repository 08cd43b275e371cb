// Pod specs that name a ConfigMap, Secret, claim, ServiceAccount or PriorityClass the input does not have, or a key
// its ConfigMap or Secret lacks (k8s-semantics B.13, B.14): accepted by the API server, failing at the kubelet or at
// pod admission.
import type { PodSpec } from 'kubernetes-types/core/v1.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule, type WiringContext } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { containersOf } from '../../src/validation/container.js'
import { inNamespace, nameOf } from '../../src/wiring/describe.js'
import { isObj } from '../../src/validation/metadata.js'

type Path = readonly PathSegment[]
type Source = 'ConfigMap' | 'Secret'

/** a reference to a ConfigMap or Secret, from a volume (or projected source) or from a container's env */
interface SourceRef {
  kind: Source
  name: string
  at: Path
  optional: boolean
  /** keys it reads, with where each is written */
  keys: Array<{ key: string; at: Path }>
  /** volume "cfg", or container "app" */
  use: { volume: string } | { container: string }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

// the kubelet's words for a missing object and a missing volume item
const LOWER: Record<Source, string> = { ConfigMap: 'configmap', Secret: 'secret' }
const ITEM_ERROR: Record<Source, string> = { ConfigMap: 'configmap references non-existent config key', Secret: 'secret references non-existent secret key' }
// keys a controller fills in after the Secret is created
const FILLED_BY_CONTROLLER = new Set(['kubernetes.io/service-account-token'])

export default defineRule({
  meta: {
    id: 'pod/missing-reference',
    category: 'wiring',
    severity: 'warning',
    description:
      'A pod spec refers to a ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount or PriorityClass that the input does not define, or to a key its ConfigMap or Secret lacks.',
    remediation: 'Add the object to the input (or list it under existing in the cluster profile), correct the name or key, or mark an optional reference optional: true.',
    messages: {
      volume:
        '{{name}} mounts {{kind}} {{ref}} as volume "{{volume}}", but the input has no {{kind}} {{ref}} {{where}}: {{stay}} in ContainerCreating (FailedMount … {{lower}} "{{ref}}" not found). Add the {{kind}}, correct the name, or set optional: true if it may be absent.',
      env: 'Container "{{container}}" of {{name}} reads {{kind}} {{ref}}, but the input has no {{kind}} {{ref}} {{where}}: the container will not start (CreateContainerConfigError: {{lower}} "{{ref}}" not found). Add the {{kind}}, correct the name, or set optional: true.',
      key: 'Container "{{container}}" of {{name}} reads key {{key}} of {{kind}} {{ref}}, which has no such key ({{has}}): the container will not start (CreateContainerConfigError: couldn\'t find key {{key}} in {{kind}} {{namespace}}/{{ref}}). Add the key or correct it.',
      itemKey:
        'Volume "{{volume}}" of {{name}} projects key {{key}} of {{kind}} {{ref}}, which has no such key ({{has}}): {{stay}} in ContainerCreating (FailedMount … {{error}}: {{key}}). Add the key or correct it.',
      imagePullSecret:
        '{{name}} pulls its images with Secret {{ref}}, but the input has no Secret {{ref}} {{where}}: the kubelet pulls without credentials (FailedToRetrieveImagePullSecret), so images from a private registry fail with ErrImagePull. Add the Secret or correct the name.',
      claim:
        '{{name}} mounts PersistentVolumeClaim {{ref}} as volume "{{volume}}", but the input has no PersistentVolumeClaim {{ref}} {{where}}: {{stay}} Pending (FailedScheduling … persistentvolumeclaim "{{ref}}" not found). Add the claim or correct claimName.',
      serviceAccount:
        '{{name}} runs as ServiceAccount {{ref}}, but the input has no ServiceAccount {{ref}} {{where}}: {{refused}} when created (pods … is forbidden: error looking up service account {{namespace}}/{{ref}}: serviceaccount "{{ref}}" not found). Add the ServiceAccount or correct the name.',
      priorityClass:
        '{{name}} asks for PriorityClass {{ref}}, which the input does not define: {{refused}} when created (no PriorityClass with name {{ref}} was found). Add the PriorityClass or correct priorityClassName.',
    },
  },
  wire(ctx) {
    return {
      PodSpec(spec, self) {
        // a PodTemplate creates nothing by itself
        if (self.kind === 'PodTemplate' || self.namespace === undefined) return
        const base = self.pods!.specPath
        const ns = self.namespace
        const one = self.kind === 'Pod'
        const name = nameOf(self, ctx.cluster.namespace)
        const outcome = { stay: one ? 'it stays' : 'its pods stay', refused: one ? 'the Pod is refused' : 'its pods are refused' }
        const where = inNamespace(ns)
        const severityFor = (kind: string, namespace: string | undefined) => (ctx.index.coverage(kind, namespace) === 'partial' ? ('info' as const) : undefined)

        for (const ref of sourceRefs(spec, self)) {
          if (ref.optional || ref.name === '') continue
          const known = ctx.index.named(ref.kind, ns, ref.name)
          if (known.length === 0) {
            if (ctx.index.exists(ref.kind, ns, ref.name)) continue
            const data = { name, kind: ref.kind, ref: ref.name, where, lower: LOWER[ref.kind], ...outcome }
            const severity = severityFor(ref.kind, ns)
            if ('volume' in ref.use) ctx.report('volume', { at: ref.at, data: { ...data, volume: ref.use.volume }, severity })
            else ctx.report('env', { at: ref.at, data: { ...data, container: ref.use.container }, severity })
            continue
          }
          checkKeys(ctx, ref, known, { name, ...outcome })
        }

        spec.imagePullSecrets?.forEach((p, i) => {
          const ref = str(p?.name)
          if (ref === '' || ctx.index.exists('Secret', ns, ref)) return
          ctx.report('imagePullSecret', { at: [...base, 'imagePullSecrets', i, 'name'], data: { name, ref, where }, severity: severityFor('Secret', ns) })
        })

        const claimTemplates = claimTemplateNames(self)
        spec.volumes?.forEach((v, i) => {
          const ref = str(v?.persistentVolumeClaim?.claimName)
          // a StatefulSet's claim templates replace the volume of the same name with the claim they create
          if (ref === '' || claimTemplates.has(str(v.name)) || ctx.index.exists('PersistentVolumeClaim', ns, ref)) return
          ctx.report('claim', {
            at: [...base, 'volumes', i, 'persistentVolumeClaim', 'claimName'],
            data: { name, ref, where, volume: str(v.name), ...outcome },
            severity: severityFor('PersistentVolumeClaim', ns),
          })
        })

        // serviceAccount is the deprecated spelling, copied into serviceAccountName when that is unset
        const account = str(spec.serviceAccountName) || str(spec.serviceAccount)
        if (account !== '' && !ctx.index.exists('ServiceAccount', ns, account)) {
          const field = str(spec.serviceAccountName) ? 'serviceAccountName' : 'serviceAccount'
          ctx.report('serviceAccount', { at: [...base, field], data: { name, ref: account, where, namespace: ns, ...outcome }, severity: severityFor('ServiceAccount', ns) })
        }

        const priority = str(spec.priorityClassName)
        if (priority !== '' && !ctx.index.exists('PriorityClass', undefined, priority)) {
          ctx.report('priorityClass', { at: [...base, 'priorityClassName'], data: { name, ref: priority, ...outcome }, severity: severityFor('PriorityClass', undefined) })
        }
      },
    }
  },
})

/** every ConfigMap and Secret reference of the pod spec: volumes, projected sources, then each container's env */
function sourceRefs(spec: PodSpec, self: IndexedObject): SourceRef[] {
  const base = self.pods!.specPath
  const out: SourceRef[] = []
  const items = (list: unknown, at: Path) =>
    Array.isArray(list) ? list.flatMap((item: unknown, j) => (isObj(item) && typeof item.key === 'string' ? [{ key: item.key, at: [...at, 'items', j, 'key'] }] : [])) : []
  spec.volumes?.forEach((v, i) => {
    if (!isObj(v)) return
    const at: Path = [...base, 'volumes', i]
    const use = { volume: str(v.name) }
    if (isObj(v.configMap)) {
      const s = v.configMap
      out.push({ kind: 'ConfigMap', name: str(s.name), at: [...at, 'configMap', 'name'], optional: s.optional === true, keys: items(s.items, [...at, 'configMap']), use })
    }
    if (isObj(v.secret)) {
      const s = v.secret
      out.push({ kind: 'Secret', name: str(s.secretName), at: [...at, 'secret', 'secretName'], optional: s.optional === true, keys: items(s.items, [...at, 'secret']), use })
    }
    v.projected?.sources?.forEach((source, j) => {
      for (const [field, kind] of [['configMap', 'ConfigMap'], ['secret', 'Secret']] as const) {
        const s: unknown = source?.[field]
        if (!isObj(s)) continue
        const sat: Path = [...at, 'projected', 'sources', j, field]
        out.push({ kind, name: str(s.name), at: [...sat, 'name'], optional: s.optional === true, keys: items(s.items, sat), use })
      }
    })
  })
  const visit = { path: base, template: self.kind !== 'Pod', kind: self.kind }
  for (const c of containersOf(spec, visit)) {
    const use = { container: str(c.container.name) }
    c.container.env?.forEach((e, k) => {
      for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
        const r: unknown = e?.valueFrom?.[field]
        if (!isObj(r)) continue
        const at: Path = [...c.path, 'env', k, 'valueFrom', field]
        const keys = typeof r.key === 'string' ? [{ key: r.key, at: [...at, 'key'] }] : []
        out.push({ kind, name: str(r.name), at: [...at, 'name'], optional: r.optional === true, keys, use })
      }
    })
    c.container.envFrom?.forEach((e, k) => {
      for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
        const r: unknown = e?.[field]
        if (!isObj(r)) continue
        out.push({ kind, name: str(r.name), at: [...c.path, 'envFrom', k, field, 'name'], optional: r.optional === true, keys: [], use })
      }
    })
  }
  return out
}

/** reports the keys that none of the input's definitions of the ConfigMap or Secret has */
function checkKeys(ctx: WiringContext, ref: SourceRef, known: readonly IndexedObject[], subject: { name: string; stay: string }): void {
  if (ref.keys.length === 0) return
  if (ref.kind === 'Secret' && known.some((o) => FILLED_BY_CONTROLLER.has(str(o.value.type)))) return
  const fields = ref.kind === 'Secret' ? ['data', 'stringData'] : ['data', 'binaryData']
  const present = new Set<string>()
  for (const o of known) for (const f of fields) if (isObj(o.value[f])) for (const k of Object.keys(o.value[f])) present.add(k)
  const target = known[0]
  const has = present.size === 0 ? 'it has no keys' : `it has ${[...present].sort().slice(0, 6).join(', ')}${present.size > 6 ? ', …' : ''}`
  for (const { key, at } of ref.keys) {
    if (present.has(key)) continue
    const related = [{ object: target, path: dataPath(target, fields), message: `the keys of ${nameOf(target, ctx.cluster.namespace)}` }]
    const data = { ...subject, kind: ref.kind, ref: ref.name, key, has, namespace: target.namespace }
    if ('volume' in ref.use) ctx.report('itemKey', { at, data: { ...data, volume: ref.use.volume, error: ITEM_ERROR[ref.kind] }, related })
    else ctx.report('key', { at, data: { ...data, container: ref.use.container }, related })
  }
}

const dataPath = (o: IndexedObject, fields: readonly string[]): Path => {
  const f = fields.find((x) => isObj(o.value[x]))
  return f ? [f] : ['metadata', 'name']
}

function claimTemplateNames(self: IndexedObject): Set<string> {
  if (self.kind !== 'StatefulSet') return new Set()
  const spec = self.value.spec
  const templates = isObj(spec) && Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []
  return new Set(templates.map((t: unknown) => (isObj(t) && isObj(t.metadata) ? str(t.metadata.name) : '')).filter((n) => n !== ''))
}
