// A pod that joins the node's network namespace (peer-checks §2.1 concept 10).
import { defineRule } from '../../src/rule.js'
import { finding } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/host-network',
    category: 'security',
    severity: 'warning',
    description: "A pod that sets hostNetwork: true, and so shares the node's network namespace.",
    remediation: "Remove hostNetwork: true and expose the pod through a Service (or a hostPort for a single port).",
    messages: {
      hostNetwork: "The pod sets hostNetwork: true: it sees every interface of the node, can reach services bound to localhost and can listen on any node port. Remove hostNetwork: true and expose the pod through a Service (or a hostPort for a single port).",
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (spec.hostNetwork === true) ctx.report('hostNetwork', finding([...visit.path, 'hostNetwork']))
      },
    }
  },
})
