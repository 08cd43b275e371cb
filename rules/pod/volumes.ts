// Pod volumes as core validation checks them (k8s-semantics A.2.4 V1-V10, V12): names, one source each, the
// required references of each source, relative item paths and file modes.
import type { KeyToPath, PodSpec, Volume } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../../src/field-errors.js'
import { dns1123Label, dns1123Subdomain } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { fileMode, localNonReservedPath, noBacksteps, type Path } from '../../src/validation/pod.js'

// the order in which validateVolumeSource meets the sources: the second one it meets is the one reported
const SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'quobyte', 'cinder', 'cephfs', 'downwardAPI', 'fc', 'azureFile',
  'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'projected', 'scaleIO', 'configMap',
  'storageos', 'csi', 'ephemeral', 'image',
] as const

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']

type Report = (id: 'name' | 'duplicateName' | 'oneSource' | 'reference' | 'path' | 'mode' | 'hostPathType' | 'projected' | 'ephemeralName', e: FieldError) => void

function keyToPaths(items: readonly KeyToPath[] | undefined, at: Path, report: Report): void {
  items?.forEach((item, k) => {
    if (!item) return
    const p: Path = [...at, 'items', k]
    if (!item.key) report('reference', fieldError.required([...p, 'key'], ''))
    if (!item.path) report('path', fieldError.required([...p, 'path'], ''))
    else for (const e of localNonReservedPath(item.path, [...p, 'path'])) report('path', e)
    for (const e of fileMode(item.mode, [...p, 'mode'])) report('mode', e)
  })
}

function checkSource(vol: Volume, at: Path, report: Report): void {
  let count = 0
  const v = vol as unknown as Record<string, unknown>
  for (const source of SOURCES) {
    if (v[source] === undefined || v[source] === null) continue
    if (count++ > 0) report('oneSource', fieldError.forbidden([...at, source], 'may not specify more than 1 volume type'))
  }
  if (vol.hostPath) {
    const p: Path = [...at, 'hostPath']
    if (!vol.hostPath.path) report('reference', fieldError.required([...p, 'path'], ''))
    else {
      for (const e of noBacksteps(vol.hostPath.path, [...p, 'path'])) report('path', e)
      const type = vol.hostPath.type
      if (typeof type === 'string' && !HOST_PATH_TYPES.includes(type)) report('hostPathType', fieldError.notSupported([...p, 'type'], type, HOST_PATH_TYPES))
    }
  }
  if (vol.secret) {
    const p: Path = [...at, 'secret']
    if (!vol.secret.secretName) report('reference', fieldError.required([...p, 'secretName'], ''))
    for (const e of fileMode(vol.secret.defaultMode, [...p, 'defaultMode'])) report('mode', e)
    keyToPaths(vol.secret.items, p, report)
  }
  if (vol.configMap) {
    const p: Path = [...at, 'configMap']
    if (!vol.configMap.name) report('reference', fieldError.required([...p, 'name'], ''))
    for (const e of fileMode(vol.configMap.defaultMode, [...p, 'defaultMode'])) report('mode', e)
    keyToPaths(vol.configMap.items, p, report)
  }
  if (vol.persistentVolumeClaim && !vol.persistentVolumeClaim.claimName) {
    report('reference', fieldError.required([...at, 'persistentVolumeClaim', 'claimName'], ''))
  }
  if (vol.downwardAPI) {
    const p: Path = [...at, 'downwardAPI']
    for (const e of fileMode(vol.downwardAPI.defaultMode, [...p, 'defaultMode'])) report('mode', e)
    // its items are left out: whether upstream's error paths carry the item index is unsure
  }
  if (vol.projected) checkProjected(vol.projected, [...at, 'projected'], report)
}

function checkProjected(projected: NonNullable<Volume['projected']>, p: Path, report: Report): void {
  for (const e of fileMode(projected.defaultMode, [...p, 'defaultMode'])) report('mode', e)
  const paths = new Set<string>()
  const claim = (path: string | undefined, value: unknown) => {
    if (!path) return
    if (paths.has(path)) report('projected', fieldError.invalid(p, value, 'conflicting duplicate paths'))
    paths.add(path)
  }
  projected.sources?.forEach((source, j) => {
    if (!source) return
    const sp: Path = [...p, 'sources', j]
    let count = 0
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = source[kind]
      if (!ref) continue
      count++
      if (!ref.name) report('reference', fieldError.required([...sp, kind, 'name'], ''))
      keyToPaths(ref.items, [...sp, kind], report)
      ref.items?.forEach((item) => claim(item?.path, ref.name ?? ''))
    }
    if (source.downwardAPI) {
      count++
      source.downwardAPI.items?.forEach((item) => claim(item?.path, item?.path))
    }
    const token = source.serviceAccountToken
    if (token) {
      count++
      const seconds = token.expirationSeconds
      const ep: Path = [...sp, 'serviceAccountToken', 'expirationSeconds']
      if (typeof seconds === 'number' && seconds < 600) report('projected', fieldError.invalid(ep, seconds, 'may not specify a duration less than 10 minutes'))
      if (typeof seconds === 'number' && seconds > 2 ** 32) report('projected', fieldError.invalid(ep, seconds, 'may not specify a duration larger than 2^32 seconds'))
    }
    if (source.clusterTrustBundle) count++
    if (count > 1) report('projected', fieldError.forbidden(sp, 'may not specify more than 1 volume type per source'))
  })
}

function checkVolumes(spec: PodSpec, specPath: Path, report: Report): void {
  // like ValidateVolumes, a volume joins the known names only when it has no error, so a name repeated after an
  // invalid volume is not a duplicate
  const names = new Set<string>()
  spec.volumes?.forEach((vol, i) => {
    if (!vol) return
    const at: Path = [...specPath, 'volumes', i]
    const errors: Parameters<Report>[] = []
    const collect: Report = (id, e) => errors.push([id, e])
    checkSource(vol, at, collect)
    const namePath: Path = [...at, 'name']
    if (!vol.name) collect('name', fieldError.required(namePath, ''))
    else for (const msg of dns1123Label(vol.name)) collect('name', fieldError.invalid(namePath, vol.name, msg))
    if (names.has(vol.name ?? '')) collect('duplicateName', fieldError.duplicate(namePath, vol.name ?? ''))
    if (errors.length === 0) names.add(vol.name ?? '')
    for (const [id, e] of errors) report(id, e)
  })
}

export default defineRule({
  meta: {
    id: 'pod/volumes',
    category: 'server',
    severity: 'error',
    description: 'A pod volume the API server rejects: a bad or repeated name, two sources, a missing reference, a bad path or file mode.',
    remediation: 'Give each volume a unique DNS-1123 label name and exactly one complete source with relative paths and modes from 0 to 0777.',
    messages: {
      name: '{{error}}. Name volumes with a DNS-1123 label: lower case letters, digits and "-".',
      duplicateName: '{{error}}. Volume names must be unique in a pod: rename or remove one.',
      oneSource: '{{error}}. Keep one source per volume and move the other into a volume of its own.',
      reference: '{{error}}. Name the object or path this volume source refers to.',
      path: '{{error}}. Use a relative path inside the volume, without ".." elements.',
      mode: '{{error}}. Write modes in octal with a leading 0 (0644) or as the decimal number (420).',
      hostPathType: '{{error}}. Use one of the hostPath types (case matters), or leave type out.',
      projected: '{{error}}.',
      ephemeralName: "{{error}}. The generated PVC is named <pod name>-<volume name>: shorten the pod's or the volume's name.",
    },
  },
  create(ctx) {
    const report: Report = (id, e) => ctx.report(id, e)
    return {
      PodSpec(spec, visit) {
        // the ephemeral PVC name is known only for a Pod (V12): it is checked in the Pod handler
        checkVolumes(spec, visit.path, report)
      },
      Pod(pod) {
        const name = pod.metadata?.name
        if (!name || !pod.spec) return
        pod.spec.volumes?.forEach((vol, i) => {
          if (!vol?.ephemeral || !vol.name) return
          const pvc = `${name}-${vol.name}`
          for (const msg of dns1123Subdomain(pvc)) ctx.report('ephemeralName', fieldError.invalid(['spec', 'volumes', i, 'name'], vol.name, `PVC name ${JSON.stringify(pvc)}: ${msg}`))
        })
      },
    }
  },
})
