// Policy layer: which ServiceAccount a pod runs as, and whether it gets the account's token (peer concepts 24–26).
import type { Rule } from '../../src/rule.js'
import automountToken from './automount-token.js'
import defaultAccount from './default.js'
import deprecatedField from './deprecated-field.js'

export const serviceAccountRules: readonly Rule[] = [
  deprecatedField,
  // strict
  defaultAccount,
  automountToken,
]
