// The API server's validation of NetworkPolicy (A.16).
import type { Rule } from '../../src/rule.js'
import peerSelectsNothing from './peer-selects-nothing.js'
import policyPeers from './policy-peers.js'
import policySpec from './policy-spec.js'
import selectsNothing from './selects-nothing.js'

export const networkRules: readonly Rule[] = [
  policySpec,
  policyPeers,
  // layer 4: the NetworkPolicy among the other objects
  selectsNothing,
  peerSelectsNothing,
]
