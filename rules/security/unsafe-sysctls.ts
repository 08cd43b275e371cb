// A pod sysctl outside the set the kubelet allows by default (peer-checks §2.1 concept 9: kube-linter
// unsafe-sysctls). The kubelet refuses such a pod (SysctlForbidden) unless its --allowed-unsafe-sysctls lists the
// sysctl, which it accepts only for namespaced ones; the safe set grew with the Kubernetes version.
import { finding } from '../../src/policy/security.js'
import { isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { isObj } from '../../src/validation/metadata.js'

// the kubelet's safe sysctls (SafeSysctlAllowlist), with the minor version that added each
const SAFE_SINCE: Readonly<Record<string, number>> = {
  'kernel.shm_rmid_forced': 0,
  'net.ipv4.ip_local_port_range': 0,
  'net.ipv4.tcp_syncookies': 0,
  'net.ipv4.ping_group_range': 18,
  'net.ipv4.ip_unprivileged_port_start': 22,
  'net.ipv4.ip_local_reserved_ports': 27,
  'net.ipv4.tcp_keepalive_time': 29,
  'net.ipv4.tcp_fin_timeout': 29,
  'net.ipv4.tcp_keepalive_intvl': 29,
  'net.ipv4.tcp_keepalive_probes': 29,
  'net.ipv4.tcp_rmem': 32,
  'net.ipv4.tcp_wmem': 32,
}

type Namespace = 'ipc' | 'net'

// the server's sysctl name format (IsValidSysctlName): a name it refuses is pod/security-context's finding
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/

/** the kernel namespace a sysctl belongs to, as the kubelet knows it; undefined: it is the node's, not the pod's */
function namespaceOf(name: string): Namespace | undefined {
  if (name === 'kernel.sem' || name.startsWith('kernel.shm') || name.startsWith('kernel.msg') || name.startsWith('fs.mqueue.')) return 'ipc'
  return name.startsWith('net.') ? 'net' : undefined
}

/** `net/ipv4/tcp_syncookies` is read as `net.ipv4.tcp_syncookies` (the kubelet's NormalizeName) */
function normalise(name: string): string {
  const sep = name.search(/[./]/)
  return sep === -1 || name[sep] === '.' ? name : name.replace(/[./]/g, (ch) => (ch === '.' ? '/' : '.'))
}

export default defineRule({
  meta: {
    id: 'security/unsafe-sysctls',
    category: 'security',
    severity: 'warning',
    description: 'A pod sysctl outside the set the kubelet allows by default, so the pod is refused on every node whose kubelet does not allow it.',
    remediation: 'Use a sysctl of the safe set, or allow this one in the kubelet configuration of the nodes the pod runs on (allowedUnsafeSysctls) and keep the pod on those nodes.',
    messages: {
      unsafe:
        'Sysctl {{name}} is not one the kubelet allows by default (Kubernetes {{version}}): a kubelet that does not list it in allowedUnsafeSysctls refuses the pod (status Failed, reason SysctlForbidden), and a namespace enforcing the baseline Pod Security level rejects it. Allow it on the nodes the pod is scheduled to, or drop it.',
      notNamespaced:
        'Sysctl {{name}} is not namespaced: it would change the whole node, so no kubelet lets a pod set it and the pod is refused (status Failed, reason SysctlForbidden). Set it on the nodes themselves (node configuration, or a privileged DaemonSet), not in the pod.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (isWindowsPod(spec)) return
        const sysctls: unknown = isObj(spec.securityContext) ? spec.securityContext.sysctls : undefined
        if (!Array.isArray(sysctls)) return
        sysctls.forEach((s: unknown, i) => {
          if (!isObj(s) || typeof s.name !== 'string' || s.name.length > 253 || !SYSCTL_NAME.test(s.name)) return
          const name = normalise(s.name)
          const since = SAFE_SINCE[name]
          if (since !== undefined && ctx.minor >= since) return
          const ns = namespaceOf(name)
          // a sysctl of a namespace the pod shares with the host is the server's error (pod/security-context)
          if ((ns === 'net' && spec.hostNetwork === true) || (ns === 'ipc' && spec.hostIPC === true)) return
          const at = finding([...visit.path, 'securityContext', 'sysctls', i, 'name'])
          ctx.report(ns ? 'unsafe' : 'notNamespaced', at, { data: { name: s.name, version: ctx.kubernetesVersion } })
        })
      },
    }
  },
})
