// Policy layer: the resources containers declare (peer concepts 38-41).
import type { Rule } from '../../src/rule.js'
import limits from './limits.js'
import requests from './requests.js'

export const resourceRules: readonly Rule[] = [requests, limits]
