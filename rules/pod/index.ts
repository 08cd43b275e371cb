// The API server's validation of pod specs wherever they appear: volumes and pod-level fields (A.2.4, A.2.7).
import type { Rule } from '../../src/rule.js'
import activeDeadlineSeconds from './active-deadline-seconds.js'
import deprecatedNodeLabels from './deprecated-node-labels.js'
import deprecatedVolumePlugins from './deprecated-volume-plugins.js'
import dns from './dns.js'
import duplicateHostAliasIp from './duplicate-host-alias-ip.js'
import gates from './gates.js'
import imagePullSecrets from './image-pull-secrets.js'
import missingReference from './missing-reference.js'
import names from './names.js'
import negativeGracePeriod from './negative-grace-period.js'
import nullLabelSelector from './null-label-selector.js'
import overlappingVolumePaths from './overlapping-volume-paths.js'
import restartPolicy from './restart-policy.js'
import scheduling from './scheduling.js'
import seccompAnnotations from './seccomp-annotations.js'
import unschedulable from './unschedulable.js'
import securityContext from './security-context.js'
import volumeMounts from './volume-mounts.js'
import volumes from './volumes.js'

export const podRules: readonly Rule[] = [
  volumes,
  volumeMounts,
  restartPolicy,
  activeDeadlineSeconds,
  dns,
  names,
  scheduling,
  securityContext,
  gates,
  imagePullSecrets,
  negativeGracePeriod,
  deprecatedNodeLabels,
  nullLabelSelector,
  deprecatedVolumePlugins,
  duplicateHostAliasIp,
  seccompAnnotations,
  overlappingVolumePaths,
  // layer 4: the pod spec among the other objects
  missingReference,
  unschedulable,
]
