import { accessSync, constants } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

import pLimit from 'p-limit'

import { TtsError } from '@/domain/audio/ttsError'
import { EspeakHelperGone, runEspeak } from '@/audio/providers/espeakSpawner'
import type { PcmAudio } from '@/audio/providers/types'
import { parseWav } from '@/audio/codec/wav'
import { settings } from '@/settings'

export type EspeakBackend = 'binary' | 'wasm'

/** One espeak-ng voice setting: `voice` is a language, optionally `+variant` (hi+f3). */
export type EspeakVoice = {
  voice: string
  /** 0-99, 50 = the voice's default. */
  pitch: number
  /** Words per minute, 80-450 (espeak's default is 175). */
  rate: number
  /** 0-200, 100 = default. */
  amplitude: number
}

export interface EspeakEngine {
  readonly backend: EspeakBackend
  synthesize(text: string, voice: EspeakVoice): Promise<PcmAudio>
}

/** The `espeak-ng` executable on PATH (Debian's package), or undefined. */
export function findEspeakBinary(path: string | undefined = settings().path): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, 'espeak-ng')
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // Not in this directory: keep looking.
    }
  }
  return undefined
}

/**
 * An espeak-ng engine: the native binary when installed (~40 ms a call) unless `wasm` is asked
 * for, else the npm WASM build (~0.1-0.5 s a call, no system package needed).
 */
export function createEspeakEngine(prefer: EspeakBackend | 'auto' = 'auto', locateBinary: () => string | undefined = findEspeakBinary): EspeakEngine {
  const binaryPath = prefer === 'wasm' ? undefined : locateBinary()
  if (prefer === 'binary' && !binaryPath) {
    throw new TtsError('INVALID_CONFIG', 'The espeak-ng binary was requested but is not on PATH (apt-get install espeak-ng)')
  }
  if (binaryPath) return binaryEngine(binaryPath)
  return wasmEngine()
}

function voiceArgs({ voice, pitch, rate, amplitude }: EspeakVoice): string[] {
  return ['-b', '1', '-v', voice, '-p', String(pitch), '-s', String(rate), '-a', String(amplitude)]
}

function binaryEngine(binaryPath: string): EspeakEngine {
  return {
    backend: 'binary',
    async synthesize(text, voice) {
      const dir = await mkdtemp(join(tmpdir(), 'espeak-'))
      const out = join(dir, 'out.wav')
      try {
        await run(binaryPath, [...voiceArgs(voice), '-w', out, '--stdin'], text)
        return parseWav(await readFile(out), `from espeak-ng (${voice.voice})`)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  }
}

/**
 * Run espeak-ng with `input` on stdin (from the helper process, see espeakSpawner.ts); reject with
 * its stderr when it fails or complains.
 */
async function run(command: string, args: string[], input: string): Promise<void> {
  let result: Awaited<ReturnType<typeof runEspeak>>
  try {
    result = await runEspeak(command, args, input)
  } catch (error) {
    // The helper went away twice (a crash, a kill): not about this line, a later attempt may work.
    if (error instanceof EspeakHelperGone) throw new TtsError('REQUEST_FAILED', `Could not run ${command}: ${error.message}`, { cause: error })
    throw new TtsError('ENGINE_FAILED', `Could not run ${command}: ${(error as Error).message}`, { cause: error })
  }
  const { code, signal, stderr } = result
  if (code === 0 && !/error/i.test(stderr)) return
  const why = stderr.trim() || (signal ? `killed by ${signal}` : `exit code ${code}`)
  throw new TtsError('ENGINE_FAILED', `espeak-ng failed (${args.join(' ')}): ${why}`)
}

const WASM_OUT = '/out.wav'
/** One WASM instance is ~50 MB (voices are embedded): bound how many run at once. */
const wasmLimit = pLimit(2)

function wasmEngine(): EspeakEngine {
  return {
    backend: 'wasm',
    synthesize: (text, voice) => wasmLimit(() => runWasm(text, voice)),
  }
}

async function runWasm(text: string, voice: EspeakVoice): Promise<PcmAudio> {
  const { default: ESpeakNg } = await import('espeak-ng')
  const errors: string[] = []
  let status = 0
  const instance = await ESpeakNg({
    arguments: [...voiceArgs(voice), '-w', WASM_OUT, '--', text],
    print: () => {},
    printErr: (line) => {
      if (!line.startsWith('program exited')) errors.push(line)
    },
    quit: (code, toThrow) => {
      status = code
      throw toThrow
    },
  })
  if (status !== 0 || errors.length > 0 || !instance.FS.analyzePath(WASM_OUT).exists) {
    throw new TtsError('ENGINE_FAILED', `espeak-ng (WASM) failed for voice ${voice.voice}: ${errors.join('; ') || `exit status ${status}`}`)
  }
  return parseWav(instance.FS.readFile(WASM_OUT), `from espeak-ng WASM (${voice.voice})`)
}
