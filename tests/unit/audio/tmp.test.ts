import { encodeOpus } from '@/audio/opus'
import { probeAudio } from '@/audio/probe'
import { parseWav } from '@/audio/wav'
import { readFileSync, writeFileSync } from 'node:fs'
import { test } from 'vitest'
test('x', async () => {
  const pcm = parseWav(readFileSync('/tmp/y.wav'))
  console.log(pcm.sampleRate, pcm.samples.length / pcm.sampleRate)
  let t = Date.now()
  const ogg = await encodeOpus(pcm.samples, pcm.sampleRate)
  console.log('enc ms', Date.now() - t, ogg.length, ogg.length / (pcm.samples.length / pcm.sampleRate))
  writeFileSync('/tmp/y.opus', ogg)
  console.log(await probeAudio(ogg))
  const ogg2 = await encodeOpus(pcm.samples, pcm.sampleRate)
  console.log(ogg.equals(ogg2))
})
