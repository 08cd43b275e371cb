import { defineRule } from '../../src/rule.js'

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class'

export default defineRule({
  meta: {
    id: 'ingress/deprecated-class-annotation',
    category: 'server',
    severity: 'warning',
    description: 'An Ingress uses the kubernetes.io/ingress.class annotation, which the API server warns is deprecated in favour of spec.ingressClassName.',
    remediation: 'Move the class to spec.ingressClassName and remove the annotation.',
    messages: {
      classAnnotation: 'Warning: {{error}}.',
    },
  },
  create(ctx) {
    return {
      Ingress(ingress) {
        if (ctx.minor < 27 || ctx.apiVersion !== 'networking.k8s.io/v1') return
        if (!Object.hasOwn(ingress.metadata?.annotations ?? {}, CLASS_ANNOTATION)) return
        const text = `annotation "${CLASS_ANNOTATION}" is deprecated, please use 'spec.ingressClassName' instead`
        ctx.report('classAnnotation', { path: ['metadata', 'annotations', { key: CLASS_ANNOTATION }], text }, { point: 'key' })
      },
    }
  },
})
