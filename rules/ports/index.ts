// Policy layer: the ports containers declare (peer concepts 19, 20).
import type { Rule } from '../../src/rule.js'
import privileged from './privileged.js'
import ssh from './ssh.js'

export const portRules: readonly Rule[] = [ssh, privileged]
