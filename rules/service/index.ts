// The API server's validation of Service (A.9), and its warnings (A.20).
import type { Rule } from '../../src/rule.js'
import serviceClusterIP from './cluster-ip.js'
import serviceDeprecatedAnnotation from './deprecated-annotation.js'
import serviceDeprecatedTrafficDistribution from './deprecated-traffic-distribution.js'
import serviceExternalIPs from './external-ips.js'
import serviceExternalName from './external-name.js'
import serviceIgnoredField from './ignored-field.js'
import serviceLoadBalancer from './load-balancer.js'
import serviceClusterIpRange from './cluster-ip-range.js'
import serviceNodePortRange from './node-port-range.js'
import serviceNonStandardIP from './non-standard-ip.js'
import servicePorts from './ports.js'
import serviceSelector from './selector.js'
import serviceSelectsNothing from './selects-nothing.js'
import serviceMonitorSelectsNothing from './monitor-selects-nothing.js'
import serviceClusterIpCollision from './cluster-ip-collision.js'
import serviceNodePortCollision from './node-port-collision.js'
import serviceTargetPort from './target-port.js'
import serviceSessionAffinity from './session-affinity.js'
import serviceTopologyMode from './topology-mode.js'
import serviceTrafficPolicy from './traffic-policy.js'
import serviceType from './type.js'

export const serviceRules: readonly Rule[] = [
  serviceNodePortRange,
  serviceClusterIpRange,
  serviceType,
  serviceExternalName,
  serviceClusterIP,
  servicePorts,
  serviceSelector,
  serviceSessionAffinity,
  serviceExternalIPs,
  serviceLoadBalancer,
  serviceTrafficPolicy,
  serviceTopologyMode,
  serviceIgnoredField,
  serviceDeprecatedTrafficDistribution,
  serviceNonStandardIP,
  serviceDeprecatedAnnotation,
  // layer 4: the Service among the other objects
  serviceSelectsNothing,
  serviceTargetPort,
  serviceNodePortCollision,
  serviceClusterIpCollision,
  // layer 4: a custom resource of the Prometheus operator among the Services
  serviceMonitorSelectsNothing,
]
