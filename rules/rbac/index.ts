// Policy layer: what Roles, ClusterRoles and their bindings grant (peer concepts 29–35).
import type { Rule } from '../../src/rule.js'
import bindingPodExec from './binding-pod-exec.js'
import clusterAdminBinding from './cluster-admin-binding.js'
import createPods from './create-pods.js'
import missingRole from './missing-role.js'
import podExec from './pod-exec.js'
import secretsAccess from './secrets-access.js'
import wildcardRules from './wildcard-rules.js'

export const rbacRules: readonly Rule[] = [
  clusterAdminBinding,
  missingRole,
  // strict
  wildcardRules,
  podExec,
  bindingPodExec,
  // all
  secretsAccess,
  createPods,
]
