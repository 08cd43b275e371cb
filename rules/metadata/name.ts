// metadata.name and metadata.generateName against the name function of the object's kind (A.1 M1-M3, M17; A.1.1).
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { isObj, kindFacts, nameRuleFor } from '../../src/validation/metadata.js'

/** ValidateCronJobCreate: room for the Job names the controller derives (`<name>-<8 digits>` in a 63-character label) */
const CRONJOB_NAME_MAX = 52

export default defineRule({
  meta: {
    id: 'metadata/name',
    category: 'server',
    severity: 'error',
    description: "An object's name or generateName breaks the naming rule of its kind, or the object has neither.",
    remediation: "Rename the object to fit its kind's format (lower case letters, digits, '-', and for most kinds '.').",
    messages: {
      required: '{{error}}. Give the object a metadata.name.',
      invalid: '{{error}}. The name of a {{kind}} must be {{format}}.',
      invalidGenerateName: '{{error}}. The generateName prefix of a {{kind}} must be {{format}}, apart from a trailing "-".',
      cronJobTooLong: '{{error}}. The CronJob controller appends an 11-character suffix to make Job names: shorten it.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        const meta = isObj(object.metadata) ? object.metadata : {}
        const name = typeof meta.name === 'string' ? meta.name : ''
        const generateName = typeof meta.generateName === 'string' ? meta.generateName : ''
        const { builtin } = kindFacts(ctx.kubernetesVersion, ctx.apiVersion, ctx.kind)
        const rule = nameRuleFor(ctx.apiVersion, ctx.kind, builtin, ctx.minor)
        const data = { kind: ctx.kind, format: rule.format }
        if (generateName) {
          for (const msg of rule.fn(generateName, true)) ctx.report('invalidGenerateName', fieldError.invalid(['metadata', 'generateName'], generateName, msg), { data })
        }
        // with only generateName, the server checks the name it generates from it; its errors are the prefix's
        if (!name) {
          if (!generateName) ctx.report('required', fieldError.required(['metadata', 'name'], 'name or generateName is required'), { point: 'key' })
          return
        }
        for (const msg of rule.fn(name, false)) ctx.report('invalid', fieldError.invalid(['metadata', 'name'], name, msg), { data })
        if (builtin && ctx.apiVersion === 'batch/v1' && ctx.kind === 'CronJob' && name.length > CRONJOB_NAME_MAX) {
          ctx.report('cronJobTooLong', fieldError.invalid(['metadata', 'name'], name, `must be no more than ${CRONJOB_NAME_MAX} characters`))
        }
      },
    }
  },
})
