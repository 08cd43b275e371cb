// The package version, read once from package.json so that the two never disagree.
import { readFileSync } from 'node:fs'

export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
