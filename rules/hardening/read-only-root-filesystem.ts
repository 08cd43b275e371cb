// Policy: containers whose root filesystem is writable (peer concept 4: kube-linter no-read-only-root-fs,
// kube-score container-security-context-readonlyrootfilesystem, Polaris notReadOnlyRootFilesystem).
import { containerLabel, isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'hardening/read-only-root-filesystem',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A container whose securityContext does not set readOnlyRootFilesystem: true, so whatever runs in it can change its own files.',
    remediation: 'Set securityContext.readOnlyRootFilesystem: true, and mount an emptyDir where the program must write (/tmp, caches).',
    messages: {
      writable:
        '{{container}} has a writable root filesystem: an attacker who gets code running in it can replace its binaries or drop tools there. Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir volume where it must write.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (isWindowsPod(spec)) return
        for (const c of containersOf(spec, visit)) {
          if (c.container.securityContext?.readOnlyRootFilesystem === true) continue
          ctx.report('writable', { path: [...c.path, 'securityContext', 'readOnlyRootFilesystem'], text: '' }, { data: { container: containerLabel(c) } })
        }
      },
    }
  },
})
