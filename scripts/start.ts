/** `npm start`: the production build (`npm run build` first), same local services as dev. */
import { runNext } from './lib/runNext'

await runNext('start')
