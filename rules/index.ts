// Every rule, in one list: the engine, `seaworthy rules`, the docs and the tests read it from here.
import type { Rule } from '../src/rule.js'
import apiDeprecated from './api/deprecated.js'
import apiNotServed from './api/not-served.js'
import inputMissingType from './input/missing-type.js'
import inputNotAnObject from './input/not-an-object.js'
import inputUnusedSuppression from './input/unused-suppression.js'
import schemaCrdUnusable from './schema/crd-unusable.js'
import schemaInvalidType from './schema/invalid-type.js'
import schemaInvalidValue from './schema/invalid-value.js'
import schemaNoSchema from './schema/no-schema.js'
import schemaRequired from './schema/required.js'
import schemaUnknownField from './schema/unknown-field.js'
import schemaUnknownKind from './schema/unknown-kind.js'
import yamlAliasLimit from './yaml/alias-limit.js'
import yamlDuplicateKey from './yaml/duplicate-key.js'
import yamlJsonIncompatible from './yaml/json-incompatible.js'
import yamlSyntax from './yaml/syntax.js'
import { metadataRules } from './metadata/index.js'
import { containerRules } from './container/index.js'
import { podRules } from './pod/index.js'
import { workloadRules } from './workload/index.js'
import { jobRules } from './job/index.js'
import { serviceRules } from './service/index.js'
import { ingressRules } from './ingress/index.js'
import { autoscalingRules } from './autoscaling/index.js'
import { policyRules } from './policy/index.js'
import { storageRules } from './storage/index.js'
import { configRules } from './config/index.js'
import { networkRules } from './network/index.js'
import { namespaceRules } from './namespace/index.js'
import { inputRules } from './input/index.js'
// layer 5: the policy catalog
import { securityRules } from './security/index.js'
import { hardeningRules } from './hardening/index.js'
import { resourceRules } from './resources/index.js'
import { availabilityRules } from './availability/index.js'
import { hygieneRules } from './hygiene/index.js'
import { portRules } from './ports/index.js'
import { rbacRules } from './rbac/index.js'
import { serviceAccountRules } from './service-account/index.js'

export const rules = {
  yamlSyntax,
  yamlDuplicateKey,
  yamlAliasLimit,
  yamlJsonIncompatible,
  inputNotAnObject,
  inputMissingType,
  inputUnusedSuppression,
  schemaUnknownField,
  schemaRequired,
  schemaInvalidType,
  schemaInvalidValue,
  schemaUnknownKind,
  schemaNoSchema,
  schemaCrdUnusable,
  apiNotServed,
  apiDeprecated,
} as const

/** the stages' rules, then the API server's validation by area, then the policy layer's rules */
export const allRules: readonly Rule[] = [
  ...Object.values(rules),
  ...metadataRules,
  ...containerRules,
  ...podRules,
  ...workloadRules,
  ...jobRules,
  ...serviceRules,
  ...ingressRules,
  ...autoscalingRules,
  ...policyRules,
  ...storageRules,
  ...configRules,
  ...networkRules,
  ...namespaceRules,
  ...inputRules,
  // layer 5: the policy catalog
  ...securityRules,
  ...hardeningRules,
  ...resourceRules,
  ...availabilityRules,
  ...hygieneRules,
  ...portRules,
  ...rbacRules,
  ...serviceAccountRules,
]
