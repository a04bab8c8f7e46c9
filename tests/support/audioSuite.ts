import type { DataFromCollectionSlug, Payload } from 'payload'

import { runWorker } from '@/audio/jobs/worker'
import type { TtsProvider } from '@/audio/providers/types'
import { primaryPool } from '@/db/postgres'

import { createStaff, type Staff } from './api'
import { createStory, type StoryFixture } from './fixtures'
import { startTestServer, type TestServer } from './httpServer'
import { testPayload } from './payload'

/** `inner` (e.g. the real espeak-ng provider), adding the synthesis requests that reach it to `counter.calls`. */
export function countingProvider(inner: TtsProvider, counter: { calls: number }): TtsProvider {
  return {
    ...inner,
    speakers: () => inner.speakers(),
    synthesize: async (request) => {
      const result = await inner.synthesize(request)
      counter.calls += result.calls
      return result
    },
  }
}

export type AudioSuite = {
  payload: Payload
  server: TestServer
  editor: Staff
  /** A translator of Hindi. */
  translator: Staff
  /** A story for audio tests (bundles not compiled on its writes), removed by `close()`. */
  story: (opts?: { isActive?: boolean }) => Promise<StoryFixture>
  /** The story's audio rows, oldest first. */
  rowsOf: (storyId: string) => Promise<DataFromCollectionSlug<'audio-files'>[]>
  /** Removes the stories (after the jobs their removal queues), the staff and the audio jobs; stops the server. */
  close: () => Promise<void>
}

/** What the audio integration suites start from: Payload, a real HTTP server, an editor and a Hindi translator. */
export async function startAudioSuite(): Promise<AudioSuite> {
  const payload = await testPayload()
  const server = await startTestServer()
  const editor = await createStaff(payload, server.url, 'editor')
  const translator = await createStaff(payload, server.url, 'translator', ['hi'])
  const stories: StoryFixture[] = []
  return {
    payload,
    server,
    editor,
    translator,
    story: async (opts = {}) => {
      const s = await createStory(payload, { ...opts, compileBundles: false })
      stories.push(s)
      return s
    },
    rowsOf: async (storyId) => {
      const { docs } = await payload.find({ collection: 'audio-files', where: { story: { equals: storyId } }, depth: 0, limit: 0, pagination: false, sort: 'createdAt' })
      return docs
    },
    close: async () => {
      for (const s of stories) await s.cleanup()
      await runWorker(payload, { untilIdle: true })
      await payload.delete({ collection: 'editors', where: { id: { in: [editor.id, translator.id] } } })
      await primaryPool(payload).query(`DELETE FROM payload_jobs WHERE task_slug IN ('generateAudio', 'sweepAudioObjects', 'refreshStoryAudioBundles', 'autoVoiceStory')`)
      await server.close()
    },
  }
}
