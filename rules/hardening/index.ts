// Policy layer: hardening of the pod's and containers' security settings (peer concepts 3, 4, 6, 7).
import type { Rule } from '../../src/rule.js'
import dropCapabilities from './drop-capabilities.js'
import linuxHardening from './linux-hardening.js'
import readOnlyRootFilesystem from './read-only-root-filesystem.js'
import runAsNonRoot from './run-as-non-root.js'
import seccomp from './seccomp.js'

export const hardeningRules: readonly Rule[] = [runAsNonRoot, readOnlyRootFilesystem, dropCapabilities, seccomp, linuxHardening]
