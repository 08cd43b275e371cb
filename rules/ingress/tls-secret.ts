import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'

// annotations that make cert-manager (or kube-lego before it) create the Secret that tls[].secretName names
const CERTIFICATE_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer']

export default defineRule({
  meta: {
    id: 'ingress/tls-secret',
    category: 'wiring',
    severity: 'warning',
    description: "An Ingress TLS entry names a Secret that is not in the Ingress's namespace, so the controller serves its default certificate.",
    remediation: 'Create the kubernetes.io/tls Secret in the Ingress\'s namespace (or a cert-manager Certificate that writes it), or fix the secretName.',
    messages: {
      missing:
        '{{name}} serves {{hosts}} with the certificate of Secret "{{secret}}", which is not in namespace {{namespace}}: the ingress controller serves its default (self-signed) certificate instead, which clients reject. Add the Secret or fix the name.',
    },
  },
  wire(ctx) {
    return {
      Ingress(ingress, self) {
        if (self.apiVersion !== 'networking.k8s.io/v1' || self.namespace === undefined) return
        const annotations = (ingress.metadata?.annotations ?? {}) as Record<string, unknown>
        // cert-manager's ingress-shim creates the Secret from these annotations
        if (CERTIFICATE_ANNOTATIONS.some((a) => typeof annotations[a] === 'string' && annotations[a] !== '') || annotations['kubernetes.io/tls-acme'] === 'true') return
        const ns = self.namespace
        // Secrets are rarely kept with the manifests: without any of the namespace's, this is advice
        const severity = ctx.index.coverage('Secret', ns) === 'partial' ? 'info' : undefined
        ;(ingress.spec?.tls ?? []).forEach((tls, t) => {
          const secret = tls.secretName
          // no secretName: the controller's default certificate is what was asked for
          if (typeof secret !== 'string' || secret === '' || ctx.index.exists('Secret', ns, secret)) return
          const hosts = (tls.hosts ?? []).filter((h) => typeof h === 'string')
          ctx.report('missing', {
            at: ['spec', 'tls', t, 'secretName'],
            data: { name: nameOf(self, ctx.cluster.namespace), hosts: hosts.length > 0 ? hosts.join(', ') : 'its hosts', secret, namespace: ns },
            severity,
          })
        })
      },
    }
  },
})
