// Pod and container securityContext (k8s-semantics A.2.7 S23-S26, S28, S29): IDs, process namespace sharing,
// sysctls, seccomp, privileged against allowPrivilegeEscalation, and the Linux-only fields of Windows pods.
import type { PodSpec, SeccompProfile } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, localDescendingPath, type Path } from '../../src/validation/pod.js'

type Id = 'id' | 'shareProcessNamespace' | 'sysctl' | 'seccomp' | 'privilegeEscalation' | 'fsGroupChangePolicy' | 'windows'
type Report = (id: Id, e: FieldError) => void

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined']
const SYSCTL_PATTERN = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$'
const SYSCTL = new RegExp(SYSCTL_PATTERN)

function ids(sc: Record<string, unknown>, fields: readonly string[], at: Path, report: Report): void {
  for (const field of fields) {
    const v = sc[field]
    if (typeof v === 'number' && (v < 0 || v > 2147483647)) report('id', fieldError.invalid([...at, field], v, 'must be between 0 and 2147483647, inclusive'))
  }
}

function seccomp(sp: SeccompProfile | undefined | null, at: Path, report: Report): void {
  if (!sp) return
  const type = sp.type ?? ''
  if (type === '') report('seccomp', fieldError.required([...at, 'type'], 'type is required when seccompProfile is set'))
  else if (!SECCOMP_TYPES.includes(type)) report('seccomp', fieldError.notSupported([...at, 'type'], type, SECCOMP_TYPES))
  const profile = sp.localhostProfile
  if (type === 'Localhost') {
    if (!profile) report('seccomp', fieldError.required([...at, 'localhostProfile'], 'must be set when seccomp type is Localhost'))
    else for (const e of localDescendingPath(profile, [...at, 'localhostProfile'])) report('seccomp', e)
  } else if (typeof profile === 'string') {
    report('seccomp', fieldError.invalid([...at, 'localhostProfile'], sp, 'can only be set when seccomp type is Localhost'))
  }
}

function sysctls(spec: PodSpec, at: Path, minor: number, report: Report): void {
  const seen = new Set<string>()
  spec.securityContext?.sysctls?.forEach((s, i) => {
    if (!s) return
    const p: Path = [...at, 'sysctls', i, 'name']
    const name = s.name ?? ''
    if (!name) report('sysctl', fieldError.required(p, ''))
    else if (name.length > 253 || !SYSCTL.test(name)) report('sysctl', fieldError.invalid(p, name, `must have at most 253 characters and match regex ${SYSCTL_PATTERN}`))
    else if (seen.has(name)) report('sysctl', fieldError.duplicate(p, name))
    // the namespace is read from the name as written; a slashed name is left to the server
    if (minor >= 27 && spec.hostNetwork === true && name.startsWith('net.')) report('sysctl', fieldError.invalid(p, name, "may not be specified when 'hostNetwork' is true"))
    const ipc = name === 'kernel.sem' || ['kernel.shm', 'kernel.msg', 'fs.mqueue.'].some((prefix) => name.startsWith(prefix))
    if (minor >= 27 && spec.hostIPC === true && ipc) report('sysctl', fieldError.invalid(p, name, "may not be specified when 'hostIPC' is true"))
    seen.add(name)
  })
}

/** fields a Windows pod may not set (validateWindows); only the certain ones */
function windows(spec: PodSpec, at: Path, report: Report): void {
  const forbid = (path: Path) => report('windows', fieldError.forbidden(path, 'cannot be set for a windows pod'))
  const sc = spec.securityContext ?? {}
  for (const field of ['seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'fsGroup', 'fsGroupChangePolicy', 'runAsUser', 'runAsGroup'] as const) {
    const v = sc[field]
    if (v !== undefined && v !== null) forbid([...at, 'securityContext', field])
  }
  if (sc.sysctls?.length) forbid([...at, 'securityContext', 'sysctls'])
  // hostPID and hostIPC sit in the pod spec in v1 but in the security context internally: the server prints that
  // path, the finding sits on the field as written
  for (const field of ['hostPID', 'hostIPC'] as const) {
    if (spec[field] === true) report('windows', { ...fieldError.forbidden([...at, 'securityContext', field], 'cannot be set for a windows pod'), path: [...at, field] })
  }
  for (const { container, path } of containersOf(spec, at)) {
    const csc = container.securityContext
    if (!csc) continue
    for (const field of ['seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'capabilities', 'runAsUser', 'runAsGroup'] as const) {
      if (csc[field] !== undefined && csc[field] !== null) forbid([...path, 'securityContext', field])
    }
    for (const field of ['readOnlyRootFilesystem', 'privileged'] as const) if (csc[field] === true) forbid([...path, 'securityContext', field])
  }
}

export default defineRule({
  meta: {
    id: 'pod/security-context',
    category: 'server',
    severity: 'error',
    description: 'A pod or container securityContext the API server rejects: IDs out of range, bad sysctls or seccomp profiles, contradictory privilege settings.',
    remediation: 'Use user and group IDs from 0 to 2147483647, valid unique sysctls, complete seccomp profiles, and drop contradictory privilege settings.',
    messages: {
      id: '{{error}}. User and group IDs are 32-bit and not negative.',
      shareProcessNamespace: '{{error}}. A pod that shares the host PID namespace already shares processes: drop one of the two.',
      sysctl: '{{error}}. Name each sysctl once, in lower case dotted form (net.core.somaxconn), and keep network sysctls out of host-network pods.',
      seccomp: '{{error}}. Use type RuntimeDefault, Unconfined, or Localhost with a relative localhostProfile.',
      privilegeEscalation: '{{error}}. A privileged container always may escalate: drop allowPrivilegeEscalation: false or privileged: true.',
      fsGroupChangePolicy: '{{error}}.',
      windows: '{{error}}. This field is Linux-only: remove it or set os.name to linux.',
    },
  },
  create(ctx) {
    const report: Report = (id, e) => ctx.report(id, e)
    return {
      PodSpec(spec, visit) {
        const sc = spec.securityContext
        const at: Path = [...visit.path, 'securityContext']
        if (sc) {
          ids(sc as Record<string, unknown>, ['fsGroup', 'runAsUser', 'runAsGroup'], at, report)
          sc.supplementalGroups?.forEach((g, i) => {
            if (typeof g === 'number' && (g < 0 || g > 2147483647)) report('id', fieldError.invalid([...at, 'supplementalGroups', i], g, 'must be between 0 and 2147483647, inclusive'))
          })
          // shareProcessNamespace sits in the pod spec in v1 but in the security context internally: the server prints that path
          if (spec.shareProcessNamespace === true && spec.hostPID === true) {
            const error = fieldError.invalid([...at, 'shareProcessNamespace'], true, 'ShareProcessNamespace and HostPID cannot both be enabled')
            report('shareProcessNamespace', { ...error, path: [...visit.path, 'shareProcessNamespace'] })
          }
          sysctls(spec, at, ctx.minor, report)
          const policy = sc.fsGroupChangePolicy
          if (typeof policy === 'string' && policy !== 'OnRootMismatch' && policy !== 'Always') {
            report('fsGroupChangePolicy', fieldError.notSupported([...at, 'fsGroupChangePolicy'], policy, ['OnRootMismatch', 'Always']))
          }
          seccomp(sc.seccompProfile, [...at, 'seccompProfile'], report)
        }
        for (const { container, path } of containersOf(spec, visit.path)) {
          const csc = container.securityContext
          if (!csc) continue
          const cp: Path = [...path, 'securityContext']
          ids(csc as Record<string, unknown>, ['runAsUser', 'runAsGroup'], cp, report)
          seccomp(csc.seccompProfile, [...cp, 'seccompProfile'], report)
          if (csc.allowPrivilegeEscalation === false) {
            if (csc.privileged === true) report('privilegeEscalation', fieldError.invalid(cp, csc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'))
            if (csc.capabilities?.add?.includes('CAP_SYS_ADMIN')) {
              report('privilegeEscalation', fieldError.invalid(cp, csc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'))
            }
          }
        }
        // the os field exists from 1.24 (IdentifyPodOS)
        if (ctx.minor >= 24 && spec.os?.name === 'windows') windows(spec, visit.path, report)
      },
    }
  },
})
