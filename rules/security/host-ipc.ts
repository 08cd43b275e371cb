// A pod that joins the node's IPC namespace (peer-checks §2.1 concept 12).
import { defineRule } from '../../src/rule.js'
import { finding } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/host-ipc',
    category: 'security',
    severity: 'warning',
    description: "A pod that sets hostIPC: true, and so shares the node's IPC namespace.",
    remediation: "Remove hostIPC: true; containers of one pod already share IPC.",
    messages: {
      hostIPC: "The pod sets hostIPC: true: it can read and write the shared memory and message queues of every process of the node. Remove hostIPC: true; containers of one pod already share IPC.",
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (spec.hostIPC === true) ctx.report('hostIPC', finding([...visit.path, 'hostIPC']))
      },
    }
  },
})
