import React from 'react'

import { audioProvider } from '@/audio/providers/audioProvider'
import { castModelOf } from '@/domain/audio/speakers'

import { VoiceCastPanel } from './VoiceCastPanel'

/**
 * The story's Voice cast table (a `ui` field of the story edit view), rendered on the server with
 * the model that voices stories in this deployment (the configured provider's), so the table marks
 * it without asking the browser to fetch the story's audio status to learn it.
 */
export function VoiceCastField() {
  return <VoiceCastPanel voicing={castModelOf(audioProvider())} />
}
