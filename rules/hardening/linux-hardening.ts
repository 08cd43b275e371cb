// Policy: containers confined by none of the Linux security modules or measures (peer concept 7: Polaris
// linuxHardening): a seccomp profile, SELinux options, an AppArmor profile, or dropped capabilities; any one will do.
import type { PodSpec } from 'kubernetes-types/core/v1.js'
import { addedCapabilities } from '../../src/policy/security.js'
import { containerLabel, effectiveSetting, isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule, type KubeObject, type PodSpecVisit } from '../../src/rule.js'
import { containersOf, type ContainerVisit } from '../../src/validation/container.js'
import { isObj } from '../../src/validation/metadata.js'

const CONFINED = new Set(['RuntimeDefault', 'Localhost'])
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/'

const typeOf = (profile: unknown): unknown => (isObj(profile) ? profile.type : undefined)

function seccomp(spec: PodSpec, visit: PodSpecVisit, c: ContainerVisit): boolean {
  const type = typeOf(effectiveSetting(spec, visit.path, c, 'seccompProfile')?.value)
  return typeof type === 'string' && CONFINED.has(type)
}

// any option set, but spc_t, the "super privileged container" type that SELinux does not confine
function seLinux(spec: PodSpec, visit: PodSpecVisit, c: ContainerVisit): boolean {
  const own = c.container.securityContext?.seLinuxOptions
  const options: unknown = isObj(own) && Object.keys(own).length > 0 ? own : spec.securityContext?.seLinuxOptions
  return isObj(options) && Object.values(options).some((v) => typeof v === 'string' && v !== '') && options.type !== 'spc_t'
}

// the container's field, else the annotation the kubelet also reads (deprecated in 1.30), else the pod's field
function appArmor(spec: PodSpec, visit: PodSpecVisit, c: ContainerVisit, annotations: Record<string, unknown>): boolean {
  const own = typeOf(c.container.securityContext?.appArmorProfile)
  if (typeof own === 'string') return CONFINED.has(own)
  const annotation = annotations[`${APPARMOR_ANNOTATION}${c.container.name}`]
  if (typeof annotation === 'string') return annotation === 'runtime/default' || annotation.startsWith('localhost/')
  const pod = typeOf(spec.securityContext?.appArmorProfile)
  return typeof pod === 'string' && CONFINED.has(pod)
}

function dropsCapabilities(c: ContainerVisit): boolean {
  const capabilities = c.container.securityContext?.capabilities
  const drop: unknown = capabilities?.drop
  return Array.isArray(drop) && drop.length > 0 && !addedCapabilities(capabilities).some((cap) => cap.name === 'ALL')
}

export default defineRule({
  meta: {
    id: 'hardening/linux-hardening',
    category: 'security',
    severity: 'warning',
    preset: 'all',
    description: 'A container confined by none of a seccomp profile, SELinux options, an AppArmor profile or dropped capabilities, from its own securityContext or the pod\'s.',
    remediation: 'Set the pod\'s securityContext.seccompProfile.type: RuntimeDefault, or drop capabilities, or give the container an SELinux or AppArmor profile.',
    messages: {
      unconfined:
        '{{container}} is confined by none of seccomp, SELinux, AppArmor or dropped capabilities: a compromised process can use every system call and every default capability of the runtime. Set the pod\'s securityContext.seccompProfile.type: RuntimeDefault, or capabilities.drop: [ALL] on the container.',
    },
  },
  create(ctx) {
    // the pod template's annotations hold the AppArmor profiles of before 1.30; Object runs before PodSpec
    let object: KubeObject | undefined
    return {
      Object(o) {
        object = o
      },
      PodSpec(spec, visit) {
        if (isWindowsPod(spec)) return
        const template: unknown = visit.path.slice(0, -1).reduce<unknown>((o, seg) => (isObj(o) ? o[String(seg)] : undefined), object)
        const metadata: unknown = isObj(template) ? template.metadata : undefined
        const annotations = isObj(metadata) && isObj(metadata.annotations) ? metadata.annotations : {}
        for (const c of containersOf(spec, visit)) {
          if (seccomp(spec, visit, c) || seLinux(spec, visit, c) || appArmor(spec, visit, c, annotations) || dropsCapabilities(c)) continue
          ctx.report('unconfined', { path: [...c.path, 'securityContext'], text: '' }, { data: { container: containerLabel(c) } })
        }
      },
    }
  },
})
