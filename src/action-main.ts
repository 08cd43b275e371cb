// The action's entry point, as the runner starts it (`node dist-action/index.js`).
import { run } from './action.js'

await run()
