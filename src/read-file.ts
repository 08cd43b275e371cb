import { readFileSync } from 'node:fs'
import { ToolError } from './errors.js'

/** A manifest file's text, without a byte-order mark (offsets and columns count from the first real character). */
export function readText(file: string): string {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new ToolError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  return stripBom(text)
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
