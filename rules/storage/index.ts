// The API server's validation of PersistentVolumeClaim and claim templates (A.13).
import type { Rule } from '../../src/rule.js'
import claimSpec from './claim-spec.js'
import claimTemplates from './claim-templates.js'
import fractionalStorage from './fractional-storage.js'
import missingClass from './missing-class.js'

export const storageRules: readonly Rule[] = [
  claimSpec,
  claimTemplates,
  fractionalStorage,
  // layer 4: claims among the cluster's storage classes
  missingClass,
]
