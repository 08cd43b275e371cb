// A pod that joins the node's process namespace (peer-checks §2.1 concept 11).
import { defineRule } from '../../src/rule.js'
import { finding } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/host-pid',
    category: 'security',
    severity: 'warning',
    description: "A pod that sets hostPID: true, and so shares the node's process namespace.",
    remediation: "Remove hostPID: true; use shareProcessNamespace to see the pod's own processes.",
    messages: {
      hostPID: "The pod sets hostPID: true: it sees every process of the node, their command lines and environment, and can signal or trace them. Remove hostPID: true; use shareProcessNamespace to see the pod's own processes.",
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (spec.hostPID === true) ctx.report('hostPID', finding([...visit.path, 'hostPID']))
      },
    }
  },
})
