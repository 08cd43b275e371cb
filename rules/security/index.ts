// The policy layer's security rules: settings a manifest writes that hand a workload part of the node.
import type { Rule } from '../../src/rule.js'
import configmapSecret from './configmap-secret.js'
import dangerousCapabilities from './dangerous-capabilities.js'
import envLiteralSecret from './env-literal-secret.js'
import hostIpc from './host-ipc.js'
import hostNetwork from './host-network.js'
import hostPath from './host-path.js'
import hostPid from './host-pid.js'
import hostPort from './host-port.js'
import hostProcess from './host-process.js'
import privilegeEscalation from './privilege-escalation.js'
import privileged from './privileged.js'
import procMount from './proc-mount.js'
import secretInEnv from './secret-in-env.js'
import sensitiveHostMount from './sensitive-host-mount.js'
import unsafeSysctls from './unsafe-sysctls.js'
import writableHostMount from './writable-host-mount.js'

export const securityRules: readonly Rule[] = [
  privileged,
  privilegeEscalation,
  dangerousCapabilities,
  procMount,
  hostNetwork,
  hostPid,
  hostIpc,
  hostProcess,
  sensitiveHostMount,
  unsafeSysctls,
  envLiteralSecret,
  configmapSecret,
  // strict
  hostPath,
  hostPort,
  writableHostMount,
  // all
  secretInEnv,
]
