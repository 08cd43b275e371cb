// What the input as a whole says (the per-document input rules are stage rules, in rules/index.ts).
import type { Rule } from '../../src/rule.js'
import inputDuplicateObject from './duplicate-object.js'

export const inputRules: readonly Rule[] = [
  // layer 4: the objects of the run together
  inputDuplicateObject,
]
