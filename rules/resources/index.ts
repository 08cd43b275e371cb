// Policy layer: the resources containers declare (peer concepts 38-45).
import type { Rule } from '../../src/rule.js'
import ephemeralStorage from './ephemeral-storage.js'
import limits from './limits.js'
import range from './range.js'
import requestsEqualLimits from './requests-equal-limits.js'
import requests from './requests.js'

export const resourceRules: readonly Rule[] = [requests, limits, requestsEqualLimits, ephemeralStorage, range]
