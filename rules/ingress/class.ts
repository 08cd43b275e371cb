import { fieldError } from '../../src/field-errors.js'
import { dns1123Subdomain } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class'

export default defineRule({
  meta: {
    id: 'ingress/class',
    category: 'server',
    severity: 'error',
    description: 'An Ingress has an ingressClassName that is not a valid IngressClass name, or a kubernetes.io/ingress.class annotation that disagrees with it.',
    remediation: 'Name the IngressClass with a DNS-1123 subdomain, and drop the deprecated annotation or make it equal to ingressClassName.',
    messages: {
      invalidClassName: '{{error}}. An IngressClass name is a DNS-1123 subdomain such as nginx.',
      annotationMismatch: '{{error}}. Remove the deprecated annotation, or make it equal to spec.ingressClassName.',
    },
  },
  create(ctx) {
    return {
      Ingress(ingress) {
        if (ctx.apiVersion !== 'networking.k8s.io/v1') return
        const className = ingress.spec?.ingressClassName
        if (className != null) for (const msg of dns1123Subdomain(className)) ctx.report('invalidClassName', fieldError.invalid(['spec', 'ingressClassName'], className, msg))
        const annotations = (ingress.metadata?.annotations ?? {}) as Record<string, string | null>
        if (className != null && Object.hasOwn(annotations, CLASS_ANNOTATION) && (annotations[CLASS_ANNOTATION] ?? '') !== className) {
          const value = annotations[CLASS_ANNOTATION] ?? ''
          // the server's path leaves out "metadata." and does not bracket the key (sic)
          const error = fieldError.invalid(['annotations', CLASS_ANNOTATION], value, 'must match `ingressClassName` when both are specified')
          ctx.report('annotationMismatch', { ...error, path: ['metadata', 'annotations', { key: CLASS_ANNOTATION }] })
        }
      },
    }
  },
})
