// The API server's warning about configMap, secret and downwardAPI volume items whose paths overlap (A.20).
import type { FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import type { Path } from '../../src/validation/pod.js'

/** a path repeats or contains another: "a" and "a/b" both write under a */
function overlaps(a: string, b: string): boolean {
  return `${a}/`.startsWith(`${b}/`) || `${b}/`.startsWith(`${a}/`)
}

export default defineRule({
  meta: {
    id: 'pod/overlapping-volume-paths',
    category: 'server',
    severity: 'warning',
    description: 'Two items of a configMap, secret or downwardAPI volume written to the same path or one inside the other, which the API server warns about.',
    remediation: 'Give each item its own path, none of them a folder of another.',
    messages: {
      overlap: '{{error}}. Only one of the files can be written there: give each item its own path.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        spec.volumes?.forEach((vol, i) => {
          if (!vol) return
          const sources = [
            { key: 'configMap', items: vol.configMap?.items, desc: `ConfigMap ${JSON.stringify(vol.configMap?.name ?? '')}` },
            { key: 'secret', items: vol.secret?.items, desc: `Secret ${JSON.stringify(vol.secret?.secretName ?? '')}` },
            { key: 'downwardAPI', items: vol.downwardAPI?.items, desc: 'DownwardAPI' },
          ]
          for (const { key, items, desc } of sources) {
            const seen: string[] = []
            items?.forEach((item, k) => {
              const path = (item?.path ?? '').replace(/\/+$/, '')
              if (path !== '') {
                for (const earlier of seen) {
                  if (earlier === '' || !overlaps(path, earlier)) continue
                  const at: Path = [...visit.path, 'volumes', i, key, 'items', k, 'path']
                  const text = `volume ${JSON.stringify(vol.name ?? '')} (${desc}): overlapping paths: ${JSON.stringify(path)} with ${JSON.stringify(earlier)}`
                  ctx.report('overlap', { path: at, text } satisfies FieldError)
                }
              }
              seen.push(path)
            })
          }
        })
      },
    }
  },
})
