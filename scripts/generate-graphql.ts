/**
 * `npm run generate:graphql [-- --out <file>]`: writes the GraphQL schema of the API (SDL) to
 * schema.graphql, or to `--out` (tests/int/contract.test.ts compares the two).
 */
import fs from 'node:fs'
import path from 'node:path'

import { reportImported } from './lib/runTypeScript'

const { default: config } = await import('@payload-config')
const { printGraphQLSchema } = await import('@/graphql/printSchema')
reportImported()
const outAt = process.argv.indexOf('--out')
const file = path.resolve(outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1]! : 'schema.graphql')
fs.writeFileSync(file, printGraphQLSchema(await config))
console.log(`[bhasha-kahani] wrote ${path.relative(process.cwd(), file)}`)
process.exit(0)
