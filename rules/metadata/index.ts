// The API server's validation of ObjectMeta of every kind (k8s-semantics A.1).
import type { Rule } from '../../src/rule.js'

export const metadataRules: readonly Rule[] = []
