// The API server's validation of HorizontalPodAutoscaler (A.11).
import type { Rule } from '../../src/rule.js'
import behavior from './behavior.js'
import metrics from './metrics.js'
import missingRequests from './missing-requests.js'
import replicas from './replicas.js'
import scaleTargetRef from './scale-target-ref.js'
import target from './target.js'

export const autoscalingRules: readonly Rule[] = [
  replicas,
  scaleTargetRef,
  metrics,
  behavior,
  // layer 4: the HPA and the workload it scales
  target,
  missingRequests,
]
