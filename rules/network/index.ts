// The API server's validation of NetworkPolicy (A.16).
import type { Rule } from '../../src/rule.js'
import policyPeers from './policy-peers.js'
import policySpec from './policy-spec.js'

export const networkRules: readonly Rule[] = [policySpec, policyPeers]
