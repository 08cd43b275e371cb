// The API server's validation of HorizontalPodAutoscaler (A.11).
import type { Rule } from '../../src/rule.js'

export const autoscalingRules: readonly Rule[] = []
