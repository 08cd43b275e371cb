// Every fixture is linted and its findings compared with the snapshot beside it (`<name>.snap`).
// UPDATE_SNAPSHOTS=1 npm test writes the snapshots; review them before committing.
import assert from 'node:assert/strict'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { fixturesDir, lintFixture, listFiles, snapshot } from './helpers.js'

const update = process.env.UPDATE_SNAPSHOTS === '1'
const manifests = listFiles(fixturesDir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.includes('/context/') && !path.basename(f).startsWith('.'))

for (const rel of manifests) {
  test(`fixture ${rel}`, async () => {
    const file = path.join(fixturesDir, rel)
    const snapFile = file.replace(/\.(ya?ml|json)$/, '.snap')
    const actual = snapshot(await lintFixture(file), readFileSync(file, 'utf8'))
    if (update || !existsSync(snapFile)) {
      writeFileSync(snapFile, actual)
      if (!update) assert.fail(`snapshot ${path.relative(fixturesDir, snapFile)} was missing and has been written; review it`)
      return
    }
    assert.equal(actual, readFileSync(snapFile, 'utf8'))
  })
}
