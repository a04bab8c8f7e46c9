import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

/**
 * The GraphQL schema Payload serves at /api/graphql for this config, in SDL. Committed as
 * `schema.graphql` (`npm run generate:graphql`); tests/int/contract.test.ts keeps it current.
 */
export function printGraphQLSchema(config: SanitizedConfig): string {
  return `${printSchema(configToSchema(config).schema)}\n`
}
