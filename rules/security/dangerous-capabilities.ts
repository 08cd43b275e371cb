// A container that adds a capability close to root on the node (peer-checks §2.1 concept 5): Polaris'
// dangerousCapabilities list (ALL, SYS_ADMIN, NET_ADMIN) and two more that give away the kernel or other processes.
import { defineRule } from '../../src/rule.js'
import { addedCapabilities, finding, securedContainers } from '../../src/policy/security.js'

// what each one lets a process in the container do, in the user's terms
const RISKS: Readonly<Record<string, string>> = {
  ALL: 'every capability, as good as privileged',
  SYS_ADMIN: 'mounting filesystems and most administration of the kernel, the usual way out of a container',
  NET_ADMIN: 'reconfiguring interfaces, routes and firewall rules, and so intercepting or redirecting traffic',
  SYS_MODULE: 'loading kernel modules, that is running its own code in the node\'s kernel',
  SYS_PTRACE: 'tracing and injecting code into other processes it can see, and bypassing seccomp on older kernels',
}

export default defineRule({
  meta: {
    id: 'security/dangerous-capabilities',
    category: 'security',
    severity: 'warning',
    description: 'A container that adds ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE or SYS_PTRACE to its capabilities.',
    remediation: 'Remove the capability from capabilities.add, or replace it with the narrow one the process needs (e.g. NET_BIND_SERVICE).',
    messages: {
      dangerous: 'Container "{{container}}" adds capability {{capability}}: it allows {{risk}}. Remove it, or add the narrower capability the process really uses.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of securedContainers(spec, visit)) {
          for (const cap of addedCapabilities(c.securityContext.capabilities)) {
            const risk = RISKS[cap.name]
            if (risk === undefined) continue
            ctx.report('dangerous', finding([...c.path, 'securityContext', 'capabilities', 'add', cap.index]), { data: { container: c.container.name, capability: cap.written, risk } })
          }
        }
      },
    }
  },
})
