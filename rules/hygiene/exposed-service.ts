// Policy: Services reachable from outside the cluster, type NodePort or LoadBalancer (peer concept 73: kube-linter
// exposed-services, kube-score service-type).
import { defineRule } from '../../src/rule.js'

/** what each type opens, for the message */
const OPENS: Record<string, string> = {
  NodePort: 'a port on every node of the cluster',
  LoadBalancer: "a load balancer outside the cluster (and, unless allocateLoadBalancerNodePorts is false, a port on every node)",
}

export default defineRule({
  meta: {
    id: 'hygiene/exposed-service',
    category: 'hygiene',
    severity: 'info',
    preset: 'all',
    description: 'A Service of type NodePort or LoadBalancer, which makes its pods reachable from outside the cluster.',
    remediation: 'Use type ClusterIP behind an Ingress or Gateway, or keep the type where the exposure is intended and suppress the finding there.',
    options: {
      types: {
        type: 'string[]',
        default: ['NodePort', 'LoadBalancer'],
        description: 'the Service types reported; kube-linter reports both, kube-score only NodePort',
      },
    },
    messages: {
      exposed:
        '{{name}} is of type {{type}}: it opens {{opens}}, so its pods can be reached from outside the cluster. If only the cluster needs it, use type ClusterIP (with an Ingress or Gateway in front for outside traffic); if the exposure is meant, suppress this finding on it.',
    },
  },
  create(ctx) {
    const types = ctx.options.types as readonly string[]
    return {
      Service(service) {
        const type = service.spec?.type
        if (typeof type !== 'string' || !types.includes(type)) return
        const name = service.metadata?.name || '(unnamed)'
        ctx.report('exposed', { path: ['spec', 'type'], text: '' }, { data: { name: `Service ${name}`, type, opens: OPENS[type] ?? 'the Service beyond the cluster' } })
      },
    }
  },
})
