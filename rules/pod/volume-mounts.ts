// Containers' volumeMounts and volumeDevices as core validation checks them (k8s-semantics A.2.4 VM1-VM9, VD1).
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, localDescendingPath, noBacksteps, type Path } from '../../src/validation/pod.js'

type Id = 'nameRequired' | 'notFound' | 'mountPath' | 'subPath' | 'subPathExpr' | 'propagation' | 'recursiveReadOnly' | 'device'
type Report = (id: Id, e: FieldError) => void
/** what a mount needs to know of a volume: whether it is a claim (block devices) or an image */
type VolumeKinds = Map<string, 'claim' | 'image' | 'other'>

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None']

function checkMounts(c: Container, at: Path, volumes: VolumeKinds, minor: number, report: Report): void {
  const mountPaths = new Set<string>()
  const devices = c.volumeDevices ?? []
  const privileged = c.securityContext?.privileged === true
  c.volumeMounts?.forEach((m, j) => {
    if (!m) return
    const p: Path = [...at, 'volumeMounts', j]
    const name = m.name ?? ''
    if (!name) report('nameRequired', fieldError.required([...p, 'name'], ''))
    if (!volumes.has(name)) report('notFound', fieldError.notFound([...p, 'name'], name))
    const mountPath = m.mountPath ?? ''
    if (!mountPath) report('mountPath', fieldError.required([...p, 'mountPath'], ''))
    if (mountPaths.has(mountPath)) report('mountPath', fieldError.invalid([...p, 'mountPath'], mountPath, 'must be unique'))
    mountPaths.add(mountPath)
    if (devices.some((d) => d?.name === name)) report('device', fieldError.invalid([...p, 'name'], name, 'must not already exist in volumeDevices'))
    if (devices.some((d) => d?.devicePath === mountPath)) report('device', fieldError.invalid([...p, 'mountPath'], mountPath, 'must not already exist as a path in volumeDevices'))
    if (volumes.get(name) === 'image') {
      if (m.subPath) report('subPath', fieldError.invalid([...p, 'subPath'], m.subPath, 'not allowed in image volume sources'))
      if (m.subPathExpr) report('subPath', fieldError.invalid([...p, 'subPathExpr'], m.subPathExpr, 'not allowed in image volume sources'))
    }
    // upstream reports subPath, subPathExpr and mountPropagation on the list's path, without the index
    if (m.subPath) for (const e of localDescendingPath(m.subPath, [...at, 'volumeMounts', 'subPath'])) report('subPath', e)
    if (m.subPathExpr) {
      if (m.subPath) report('subPathExpr', fieldError.invalid([...p, 'subPathExpr'], m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'))
      for (const e of localDescendingPath(m.subPathExpr, [...at, 'volumeMounts', 'subPathExpr'])) report('subPath', e)
    }
    const propagation = m.mountPropagation
    if (typeof propagation === 'string') {
      const pp: Path = [...at, 'volumeMounts', 'mountPropagation']
      if (!PROPAGATIONS.includes(propagation)) report('propagation', fieldError.notSupported(pp, propagation, PROPAGATIONS))
      if (propagation === 'Bidirectional' && !privileged) report('propagation', fieldError.forbidden(pp, 'Bidirectional mount propagation is available only to privileged containers'))
    }
    const rro = m.recursiveReadOnly
    if (typeof rro === 'string' && minor >= 31) {
      const rp: Path = [...p, 'recursiveReadOnly']
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (m.readOnly !== true) report('recursiveReadOnly', fieldError.forbidden(rp, 'may only be specified when readOnly is true'))
        if (typeof propagation === 'string' && propagation !== 'None') report('recursiveReadOnly', fieldError.forbidden(rp, 'may only be specified when mountPropagation is None or not specified'))
      } else if (rro !== 'Disabled') {
        report('recursiveReadOnly', fieldError.notSupported(rp, rro, ['Disabled', 'Enabled', 'IfPossible']))
      }
    }
  })
  const deviceNames = new Set<string>()
  const devicePaths = new Set<string>()
  devices.forEach((d, j) => {
    if (!d) return
    const p: Path = [...at, 'volumeDevices', j]
    const name = d.name ?? ''
    const devicePath = d.devicePath ?? ''
    if (!name) report('device', fieldError.required([...p, 'name'], ''))
    if (deviceNames.has(name)) report('device', fieldError.invalid([...p, 'name'], name, 'must be unique'))
    const kind = volumes.get(name)
    if (kind === undefined) report('notFound', fieldError.notFound([...p, 'name'], name))
    else if (kind !== 'claim') report('device', fieldError.invalid([...p, 'name'], name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'))
    if (!devicePath) report('device', fieldError.required([...p, 'devicePath'], ''))
    if (devicePaths.has(devicePath)) report('device', fieldError.invalid([...p, 'devicePath'], devicePath, 'must be unique'))
    if (devicePath && noBacksteps(devicePath, p).length > 0) report('device', fieldError.invalid([...p, 'devicePath'], devicePath, "can not contain backsteps ('..')"))
    else devicePaths.add(devicePath)
    if (c.volumeMounts?.some((m) => m?.name === name)) report('device', fieldError.invalid([...p, 'name'], name, 'must not already exist in volumeMounts'))
    if (c.volumeMounts?.some((m) => m?.mountPath === devicePath)) report('device', fieldError.invalid([...p, 'devicePath'], devicePath, 'must not already exist as a path in volumeMounts'))
    if (name) deviceNames.add(name)
  })
}

function volumeKinds(spec: PodSpec, claimTemplates: readonly string[]): VolumeKinds {
  const kinds: VolumeKinds = new Map()
  for (const name of claimTemplates) kinds.set(name, 'claim')
  for (const v of spec.volumes ?? []) {
    if (!v?.name) continue
    kinds.set(v.name, v.persistentVolumeClaim || v.ephemeral ? 'claim' : (v as { image?: unknown }).image ? 'image' : 'other')
  }
  return kinds
}

export default defineRule({
  meta: {
    id: 'pod/volume-mounts',
    category: 'server',
    severity: 'error',
    description: "A container's volume mount or device the API server rejects: an unknown volume, a repeated path, a bad subPath or propagation.",
    remediation: 'Mount volumes the pod declares, each at its own absolute path, with relative subPaths and the propagation and read-only settings that go together.',
    messages: {
      nameRequired: '{{error}}. Name the volume to mount.',
      notFound: '{{error}}. Declare a volume with this name in the pod (or a volumeClaimTemplate in a StatefulSet), or fix the name.',
      mountPath: '{{error}}. Give each mount of a container its own mountPath.',
      subPath: '{{error}}. Use a relative path inside the volume, without ".." elements.',
      subPathExpr: '{{error}}. Keep subPathExpr (expanded from the environment) or subPath, not both.',
      propagation: '{{error}}. Use None or HostToContainer, or make the container privileged for Bidirectional.',
      recursiveReadOnly: '{{error}}. Set readOnly: true (and no mount propagation) or drop recursiveReadOnly.',
      device: '{{error}}. Block devices need a unique PersistentVolumeClaim or ephemeral volume, not also mounted as a filesystem.',
    },
  },
  create(ctx) {
    const report: Report = (id, e) => ctx.report(id, e)
    const check = (spec: PodSpec, path: Path, claimTemplates: readonly string[]) => {
      const volumes = volumeKinds(spec, claimTemplates)
      for (const { container, path: at } of containersOf(spec, path)) checkMounts(container, at, volumes, ctx.minor, report)
    }
    return {
      PodSpec(spec, visit) {
        if (visit.kind !== 'StatefulSet') check(spec, visit.path, [])
      },
      StatefulSet(sts) {
        // claim templates count as volumes; the engine visits a StatefulSet's pod spec only from 1.34
        const spec = sts.spec?.template?.spec
        if (!spec || ctx.minor < 34) return
        const claims = (sts.spec?.volumeClaimTemplates ?? []).map((t) => t?.metadata?.name).filter((n): n is string => !!n)
        check(spec, ['spec', 'template', 'spec'], claims)
      },
    }
  },
})
