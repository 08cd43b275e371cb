// The API server's validation of ConfigMap and Secret (A.14-A.15). Their names are metadata/name's.
import type { Rule } from '../../src/rule.js'
import configmapData from './configmap-data.js'
import secretData from './secret-data.js'
import secretType from './secret-type.js'

export const configRules: readonly Rule[] = [configmapData, secretData, secretType]
