/** `npm run build`: `next build` with the same environment the server will have. */
import { runNext } from './lib/runNext'

await runNext('build')
