// Policy layer: what Roles, ClusterRoles and their bindings grant (peer concepts 29–34).
import type { Rule } from '../../src/rule.js'
import clusterAdminBinding from './cluster-admin-binding.js'
import createPods from './create-pods.js'
import podExec from './pod-exec.js'
import secretsAccess from './secrets-access.js'
import wildcardRules from './wildcard-rules.js'

export const rbacRules: readonly Rule[] = [
  clusterAdminBinding,
  // strict
  wildcardRules,
  podExec,
  // all
  secretsAccess,
  createPods,
]
