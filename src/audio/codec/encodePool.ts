import path from 'node:path'

import { Piscina } from 'piscina'

import type { EncodeMode, EncodeResult, EncodeTask } from '@/audio/codec/encodeWorker'
import type { LoudnessMeasurement } from '@/domain/audio/loudness'
import { settings } from '@/settings'

/**
 * The worker threads that encode lines. Encoding (loudness normalisation, Ogg/Opus, decoding and
 * measuring the result) is the audio pipeline's CPU-heavy part; on the event loop the worker's
 * lanes took turns at it, so only synthesis ran side by side. Here each lane's line is encoded on a
 * thread of its own (AUDIO_ENCODE_THREADS, default one per lane, at most one per CPU), the event
 * loop stays free for requests, and the bytes are the same as on the main thread.
 *
 * The worker module is TypeScript, loaded by tsx (a dependency: `npm start`, `npm run jobs` and
 * the scripts run under it) from the project directory at run time, like the loudness meter's
 * WASM: a module-relative path would be rewritten by Next's bundler. Threads start on first use
 * and end when idle, and an idle thread does not keep the process alive, so a CLI that voiced a few
 * lines exits at once. No shutdown hook closes the pool: on SIGTERM the audio worker's hook waits
 * for the lines in flight, and their encodes must finish on these threads.
 */
const KEY = Symbol.for('bhasha-kahani.encodePool')
type Holder = { [KEY]?: Piscina<EncodeTask, EncodeResult> }

const IDLE_MS = 30_000

function pool(): Piscina<EncodeTask, EncodeResult> {
  const g = globalThis as Holder
  if (g[KEY]) return g[KEY]
  const threads = settings().audio.encodeThreads
  const created = new Piscina<EncodeTask, EncodeResult>({
    filename: path.join(process.cwd(), 'src/audio/codec/encodeWorker.ts'),
    execArgv: ['--import', 'tsx'],
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: IDLE_MS,
    // A line at a time per thread: the queue holds the rest (at most the lanes' lines).
    concurrentTasksPerWorker: 1,
  })
  g[KEY] = created
  return created
}

/**
 * The audio itself could not be encoded (silence, a line the codec keeps over the peak limit): the
 * line fails. Anything else an encode rejects with (a thread that crashed or could not load) is
 * not about the audio, and a later attempt may succeed.
 */
export class EncodeRejected extends Error {}

/**
 * One line's speech, encoded on a pool thread: the normalised Ogg/Opus file and its measured
 * loudness (another `mode` is for the audio benchmark only, see EncodeMode: plain Ogg/Opus, with no
 * loudness or with the loudness measured on it).
 */
export async function encodeInPool(
  samples: Int16Array,
  sampleRate: number,
  { mode = 'normalised' }: { mode?: EncodeMode } = {},
): Promise<{ bytes: Buffer; loudness: LoudnessMeasurement | null; threadId: number }> {
  const result = await pool().run({ samples, sampleRate, mode })
  if ('rejected' in result) throw new EncodeRejected(result.rejected)
  const { bytes, loudness, threadId } = result
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), loudness, threadId }
}
