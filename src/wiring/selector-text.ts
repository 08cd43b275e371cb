// A label selector in a message's words: `app=web, tier in (api, web), !canary`.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'

export function selectorText(selector: LabelSelector): string {
  const parts = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${selector.matchLabels![k]}`)
  for (const e of selector.matchExpressions ?? []) {
    const values = `(${(e.values ?? []).join(', ')})`
    if (e.operator === 'In') parts.push(`${e.key} in ${values}`)
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin ${values}`)
    else if (e.operator === 'Exists') parts.push(e.key)
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`)
  }
  return parts.join(', ')
}
