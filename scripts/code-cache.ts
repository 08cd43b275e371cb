// Part of `npm run build`: runs the bundled CLI once on a sample manifest, then saves V8's compiled code for it
// (dist/src/cli.bundle.cjs.cache). A cache that does not fit the Node version in use is ignored by V8.
import { writeFileSync } from 'node:fs'
import { CODE_CACHE, loadCli } from '../src/cli-loader.js'

const SAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80, name: http}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
          readinessProbe: {httpGet: {path: /, port: http}}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`

const { script, main } = loadCli({ useCache: false })
for (const format of ['stylish', 'json']) {
  await main(['lint', '-', '--stdin-filename', 'sample.yaml', '--format', format], {
    stdout: () => {},
    stderr: (s) => process.stderr.write(s),
    readStdin: async () => SAMPLE,
    isTTY: false,
    env: {},
    cwd: process.cwd(),
  })
}
writeFileSync(CODE_CACHE, script.createCachedData())
