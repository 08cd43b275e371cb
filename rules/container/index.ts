// The API server's validation of the containers of pod specs (A.2.1-A.2.3, A.2.5, A.2.6), and its warnings about them (A.20).
import type { Rule } from '../../src/rule.js'
import duplicateEnv from './duplicate-env.js'
import duplicatePort from './duplicate-port.js'
import env from './env.js'
import ephemeral from './ephemeral.js'
import fractionalBytes from './fractional-bytes.js'
import image from './image.js'
import lifecycle from './lifecycle.js'
import names from './names.js'
import ports from './ports.js'
import probes from './probes.js'
import resources from './resources.js'
import restartPolicy from './restart-policy.js'
import terminationMessage from './termination-message.js'

export const containerRules: readonly Rule[] = [
  names, image, terminationMessage, restartPolicy, ephemeral, ports, env, resources, probes, lifecycle, duplicatePort, duplicateEnv, fractionalBytes,
]
