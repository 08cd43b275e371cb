// The API server's validation of Namespace (A.17). The name (NS1) is metadata/name's.
import type { Rule } from '../../src/rule.js'
import finalizers from './finalizers.js'

export const namespaceRules: readonly Rule[] = [finalizers]
