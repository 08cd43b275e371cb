// The API server's validation of PersistentVolumeClaim and claim templates (A.13).
import type { Rule } from '../../src/rule.js'

export const storageRules: readonly Rule[] = []
