/**
 * Audio generation benchmark: voices a generated 40-node story in 4 languages (en, hi, ta, bn)
 * with the local espeak-ng provider through the real pipeline (Payload jobs, the claiming worker,
 * Ogg/Opus encoding, s3rver, Postgres), then generates it again unchanged. Prints one JSON line:
 * wall time, audio files, synthesis calls, total bytes, seconds of speech, bytes per second of
 * speech, the rerun's wall time and synthesis calls (expected 0), and what loudness
 * normalisation costs: every line encoded plain and normalised, timed, and what that adds to the
 * wall time, measured by generating again without it, with only its decode-and-measure part, and
 * with it (and the machine's CPU seconds in each of those passes, /proc/stat: what it adds in
 * CPU); per voice, the gain and limiting
 * depth the normaliser settled on (`perVoice`).
 *
 * `npx tsx bench/audio.ts` (alone: throwaway Postgres + s3rver) or from `npm run bench`.
 * Env: AUDIO_CONCURRENCY (default 2), BENCH_AUDIO_NODES (default 40), BENCH_AUDIO_ROUNDS (default 4:
 * rounds of three generations: plain, plain but decoded and measured, normalised).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Piscina } from 'piscina'
import { asChildWithServices, reportImported } from '../scripts/lib/runTypeScript'
import type { TimingLine, TimingResult } from './audioEncodeTiming'
import { median } from './stats'

const log = (msg: string) => console.error(`[bench:audio] ${msg}`)

await asChildWithServices('audio', 'bench/audio.ts')

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { migrate } = await import('@/db/migrate')
const { createProvider } = await import('@/audio/providers/createProvider')
const { setAudioProvider } = await import('@/audio/providers/audioProvider')
const { enqueueStoryAudio } = await import('@/audio/jobs/storyAudio')
const { audioConcurrency, jobProgress, runWorker } = await import('@/audio/jobs/worker')
const { compressedInput } = await import('@/audio/codec/normalizeLoudness')
const { setLineEncoder, speakLine } = await import('@/audio/synthesizeToOpus')
const { encodeInPool } = await import('@/audio/codec/encodePool')
const { espeakHelperPid } = await import('@/audio/providers/espeakSpawner')
const { settings } = await import('@/settings')
const { applyGainAndLimit, limiterOptionsFor, limitingDepthDb } = await import('@/domain/audio/loudness')
reportImported()

type Lang = 'en' | 'hi' | 'ta' | 'bn'
const LOCALES: Lang[] = ['en', 'hi', 'ta', 'bn']
const NODES = Number(process.env.BENCH_AUDIO_NODES || 40)

/** Sentence parts per language; node i combines them so every line is different (~100 chars). */
const PARTS: Record<Lang, { who: string[]; did: string[]; then: string[] }> = {
  en: {
    who: ['The thirsty crow', 'The little monkey', 'The old crocodile', 'The clever rabbit', 'The kind elephant'],
    did: ['looked for water under the hot sun', 'climbed the tall mango tree', 'swam across the wide river', 'found a pot in the garden', 'called all its friends'],
    then: ['and then it smiled.', 'but nobody answered.', 'and the day was saved.', 'so it tried again.', 'and everyone cheered.'],
  },
  hi: {
    who: ['प्यासा कौआ', 'छोटा बंदर', 'बूढ़ा मगरमच्छ', 'चतुर खरगोश', 'दयालु हाथी'],
    did: ['तेज़ धूप में पानी ढूँढ रहा था', 'ऊँचे आम के पेड़ पर चढ़ गया', 'चौड़ी नदी पार करके गया', 'बगीचे में एक घड़ा देखा', 'अपने सब दोस्तों को बुलाया'],
    then: ['और फिर वह मुस्कुराया।', 'पर किसी ने जवाब नहीं दिया।', 'और सब ठीक हो गया।', 'तो उसने फिर कोशिश की।', 'और सबने ताली बजाई।'],
  },
  ta: {
    who: ['தாகமான காகம்', 'சின்ன குரங்கு', 'வயதான முதலை', 'புத்திசாலி முயல்', 'அன்பான யானை'],
    did: ['வெயிலில் தண்ணீர் தேடியது', 'உயரமான மாமரத்தில் ஏறியது', 'அகலமான ஆற்றைக் கடந்தது', 'தோட்டத்தில் ஒரு பானையைப் பார்த்தது', 'தன் நண்பர்களை அழைத்தது'],
    then: ['பிறகு அது சிரித்தது.', 'ஆனால் யாரும் பதில் சொல்லவில்லை.', 'எல்லாம் சரியானது.', 'மீண்டும் முயற்சி செய்தது.', 'எல்லோரும் கை தட்டினார்கள்.'],
  },
  bn: {
    who: ['তৃষ্ণার্ত কাক', 'ছোট্ট বানর', 'বুড়ো কুমির', 'চালাক খরগোশ', 'দয়ালু হাতি'],
    did: ['রোদে জল খুঁজছিল', 'উঁচু আমগাছে উঠল', 'চওড়া নদী পার হল', 'বাগানে একটা কলসি দেখল', 'সব বন্ধুদের ডাকল'],
    then: ['তারপর সে হাসল।', 'কিন্তু কেউ উত্তর দিল না।', 'আর সব ঠিক হয়ে গেল।', 'তাই সে আবার চেষ্টা করল।', 'আর সবাই হাততালি দিল।'],
  },
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/**
 * The machine's CPU time (all processes: this one and its encode threads, espeak-ng, Postgres,
 * s3rver) from /proc/stat's first line, in jiffies: busy (everything but idle and iowait) and
 * total. Null where there is no /proc (not Linux).
 */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
    const total = fields.reduce((a, b) => a + b, 0)
    return { busy: total - fields[3]! - fields[4]!, total }
  } catch {
    return null
  }
}

/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100 on Linux). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/**
 * CPU seconds of this process (the event loop and its encode threads) and of its finished child
 * processes (an espeak-ng helper that exited, with the runs it reaped), from /proc/self/stat. Null
 * without /proc.
 */
function ownCpu(): { self: number; children: number } | null {
  const f = procStat('self')
  return f && { self: (f[11]! + f[12]!) / CLK_TCK, children: (f[13]! + f[14]!) / CLK_TCK }
}

/**
 * CPU seconds of the espeak-ng helper process (espeakSpawner.ts) and of the espeak-ng runs it
 * started and reaped, from /proc/<pid>/stat; a helper that exited was reaped by this process, so
 * its time is in ownCpu's children. Null without a helper or /proc.
 */
function helperCpu(): { pid: number; sec: number } | null {
  const pid = espeakHelperPid()
  const f = pid ? procStat(String(pid)) : null
  return f && { pid: pid!, sec: (f[11]! + f[12]! + f[13]! + f[14]!) / CLK_TCK }
}

/**
 * The fields of /proc/<pid>/stat after the command name (which may hold spaces, in parentheses):
 * utime is [11], stime [12], cutime [13], cstime [14]. Null without /proc or the process.
 */
function procStat(pid: string): number[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number)
  } catch {
    return null
  }
}

/** Synthesis CPU between two readings: this process's reaped children and the helper's time. */
function synthesisCpu(own: { before: number; after: number }, helper: { before: ReturnType<typeof helperCpu>; after: ReturnType<typeof helperCpu> }): number {
  const { before, after } = helper
  const helperSec = !after ? 0 : before && before.pid === after.pid ? after.sec - before.sec : after.sec
  return own.after - own.before + helperSec
}

function meanSplit(splits: { process: number; synthesis: number; rest: number }[]) {
  if (!splits.length) return null
  const of = (k: 'process' | 'synthesis' | 'rest') => +mean(splits.map((x) => x[k])).toFixed(1)
  return { process: of('process'), synthesis: of('synthesis'), rest: of('rest') }
}

/** Cores kept busy between two readings (0..CPU count), from the share of busy jiffies. */
function busyCores(from: ReturnType<typeof machineCpu>, to: ReturnType<typeof machineCpu>): number | null {
  if (!from || !to || to.total <= from.total) return null
  return ((to.busy - from.busy) / (to.total - from.total)) * os.cpus().length
}

function line(lang: Lang, i: number): string {
  const p = PARTS[lang]
  const a = `${p.who[i % 5]} ${p.did[Math.floor(i / 5) % 5]} ${p.then[(i + Math.floor(i / 25)) % 5]}`
  const b = `${p.who[(i + 2) % 5]} ${p.did[(i + 3) % 5]} ${p.then[(i + 1) % 5]}`
  return `${a} ${b}`
}

const payload = await getPayload({ config })
await migrate(payload)

// The real espeak-ng provider, counting the synthesis requests that reach it.
const provider = createProvider({ ...process.env, TTS_PROVIDER: 'local' })
let calls = 0
const counting: typeof provider = {
  ...provider,
  speakers: () => provider.speakers(),
  synthesize: async (request) => {
    const result = await provider.synthesize(request)
    calls += result.calls
    return result
  },
}
setAudioProvider(counting)

const context = { skipBundleCompile: true }
const slug = `bench-audio-${Date.now()}`
const story = await payload.create({ collection: 'stories', context, data: { slug, title: 'Audio benchmark', ageRange: '4-6', region: 'pan-indian', isActive: false } })
try {
  const speakers = ['meera', 'arvind', 'pavithra', 'amol']
  const characters = []
  for (const [i, speaker] of speakers.entries()) {
    characters.push(await payload.create({ collection: 'characters', context, data: { story: story.id, slug: `c${i}`, name: speaker, voiceProfile: 'bench', bulbulSpeaker: speaker } }))
  }
  log(`creating ${NODES} nodes in ${LOCALES.join(', ')}…`)
  for (let i = 0; i < NODES; i++) {
    const node = await payload.create({
      collection: 'story-nodes',
      locale: 'en',
      context,
      data: { story: story.id, nodeType: i === NODES - 1 ? 'end' : 'narration', displayOrder: i + 1, isStart: i === 0, isEnd: i === NODES - 1, textContent: line('en', i), character: characters[i % characters.length]!.id },
    })
    for (const lang of LOCALES.slice(1)) await payload.update({ collection: 'story-nodes', id: node.id, locale: lang, context, data: { textContent: line(lang, i) } })
  }

  const generate = async (voice: typeof provider = provider) => {
    const before = calls
    const t0 = performance.now()
    const queued = await enqueueStoryAudio(payload, story.id, { provider: voice, locales: LOCALES })
    await runWorker(payload, { untilIdle: true, ids: queued.jobIds })
    const wallSec = (performance.now() - t0) / 1000
    const progress = await jobProgress(payload, queued.jobIds)
    if (progress.failed) throw new Error(`${progress.failed} job(s) failed: ${progress.errors.map((e) => e.message).join('; ')}`)
    return { wallSec, jobs: queued.jobIds.length, synthesisCalls: calls - before, chars: queued.status.totals.charsToVoice }
  }

  log(`voicing ${NODES * LOCALES.length} lines (${audioConcurrency()} at a time)…`)
  const first = await generate()
  const { docs } = await payload.find({ collection: 'audio-files', where: { story: { equals: story.id } }, depth: 0, limit: 0, pagination: false })
  const totalBytes = docs.reduce((n, d) => n + (d.fileSize ?? 0), 0)
  const speechSec = docs.reduce((n, d) => n + (d.durationSec ?? 0), 0)
  // Loudness as stored per file (measured on the decoded Opus).
  const inTarget = docs.filter((d) => d.loudnessLufs != null && Math.abs(d.loudnessLufs + 16) <= 1 && (d.truePeakDbtp ?? 0) <= -1.5)
  const lufs = docs.map((d) => d.loudnessLufs ?? Number.NaN).filter(Number.isFinite).sort((a, b) => a - b)
  log('generating again, unchanged…')
  const rerun = await generate()

  // What normalisation adds to the wall time, measured directly: the same generation without it
  // (`plain`), with only the part of it every method must do (`measured`: each plain file decoded
  // and measured as a player hears it, on the encode threads, as every normalised file is) and
  // with it (`normalised`), in rounds of one pass of each, whose order rotates (balanced against a
  // drift over the run). Each pass's provider has a model name of its own, so its content keys are
  // new and every line is synthesised and encoded again, as in the first run (nothing reused); the
  // first run, cold, is left out of the comparison. This machine's speed drifts by 10-25% between
  // identical passes (issue 14's notes), so there are BENCH_AUDIO_ROUNDS rounds (default 4):
  // besides the means over all of them, each round's ratios are reported, and their medians, which
  // one slow pass cannot move.
  type PassKind = 'plain' | 'measured' | 'normalised'
  const ORDERS: PassKind[][] = [
    ['plain', 'measured', 'normalised'],
    ['normalised', 'measured', 'plain'],
    ['measured', 'normalised', 'plain'],
    ['plain', 'normalised', 'measured'],
    ['normalised', 'plain', 'measured'],
    ['measured', 'plain', 'normalised'],
  ]
  const ROUNDS = Math.max(1, Number(process.env.BENCH_AUDIO_ROUNDS || 4))
  const PASSES = Array.from({ length: ROUNDS }, (_, i) => ORDERS[i % ORDERS.length]!).flat()
  const wallOf: Record<PassKind, number[]> = { plain: [], measured: [], normalised: [] }
  const synthesisCalls: number[] = []
  const passWallSec: number[] = []
  // Per pass, how many cores the machine kept busy and its CPU seconds (busy cores x wall time): on
  // a machine whose cores are all busy, what normalisation adds in CPU shows in the wall time.
  // Split: this process (event loop and encode threads), espeak-ng (the helper process and the runs
  // it starts), and the rest (Postgres, s3rver, anything else on the machine).
  type CpuSplit = { process: number; synthesis: number; rest: number }
  const busy: number[] = []
  const cpuOf: Record<PassKind, number[]> = { plain: [], measured: [], normalised: [] }
  const splitOf: Record<PassKind, CpuSplit[]> = { plain: [], measured: [], normalised: [] }
  for (const [i, kind] of PASSES.entries()) {
    log(`generating again, ${kind === 'plain' ? 'without loudness normalisation' : kind === 'measured' ? 'without normalisation but decoded and measured' : 'with loudness normalisation'} (pass ${i + 1} of ${PASSES.length})…`)
    const voice = { ...counting, model: `${provider.model} (benchmark pass ${i + 1})` }
    setAudioProvider(voice)
    // Without normalisation the line is encoded plain (and measured), on the same encode threads.
    setLineEncoder(kind === 'normalised' ? undefined : (samples, sampleRate) => encodeInPool(samples, sampleRate, { mode: kind }))
    try {
      const since = new Date().toISOString()
      const cpuBefore = machineCpu()
      const ownBefore = ownCpu()
      const helperBefore = helperCpu()
      const pass = await generate(voice)
      const cores = busyCores(cpuBefore, machineCpu())
      const ownAfter = ownCpu()
      const helperAfter = helperCpu()
      // The pass voiced every line again, as asked (plain files carry no loudness; the others do).
      const made = await payload.find({ collection: 'audio-files', where: { and: [{ story: { equals: story.id } }, { updatedAt: { greater_than_equal: since } }] }, depth: 0, limit: 0, pagination: false })
      const measured = made.docs.filter((d) => d.loudnessLufs != null)
      const inTarget = measured.filter((d) => Math.abs(d.loudnessLufs! + 16) <= 1 && (d.truePeakDbtp ?? 0) <= -1.5)
      const expected = kind === 'plain' ? 0 : docs.length
      if (made.docs.length !== docs.length || measured.length !== expected || pass.synthesisCalls !== first.synthesisCalls || (kind === 'normalised' && inTarget.length !== docs.length)) {
        throw new Error(
          `${kind} pass ${i + 1} made ${made.docs.length} files (${measured.length} with a loudness, ${inTarget.length} in target) with ${pass.synthesisCalls} synthesis calls, ` +
            `expected ${docs.length} (${expected} with a loudness) with ${first.synthesisCalls}`,
        )
      }
      wallOf[kind].push(pass.wallSec)
      passWallSec.push(pass.wallSec)
      if (cores !== null) {
        busy.push(cores)
        cpuOf[kind].push(cores * pass.wallSec)
        if (ownBefore && ownAfter) {
          const processSec = ownAfter.self - ownBefore.self
          const synthesisSec = synthesisCpu({ before: ownBefore.children, after: ownAfter.children }, { before: helperBefore, after: helperAfter })
          splitOf[kind].push({ process: processSec, synthesis: synthesisSec, rest: cores * pass.wallSec - processSec - synthesisSec })
        }
      }
      synthesisCalls.push(pass.synthesisCalls)
    } finally {
      setLineEncoder(undefined)
      setAudioProvider(counting)
    }
  }

  // What loudness normalisation costs: every line's speech as the pipeline encodes it (speakLine: its
  // sentences synthesised, trimmed and joined with pauses) encoded plain and normalised (measure,
  // compress, limit, encode, decode, measure; re-encode if needed), on a thread of its own as
  // production encodes (bench/audioEncodeTiming.ts).
  log('timing encoding with and without loudness normalisation…')
  const lines = LOCALES.flatMap((lang) => Array.from({ length: NODES }, (_, i) => ({ lang, text: line(lang, i), speaker: speakers[i % speakers.length]! })))
  const pcms: TimingLine[] = []
  for (const l of lines) {
    const { samples, sampleRate } = await speakLine(provider, { text: l.text, locale: l.lang, speaker: l.speaker })
    pcms.push({ samples, sampleRate })
  }
  // On a thread of its own, started as the encode pool starts its threads (src/audio/codec/encodePool.ts).
  const timingThread = new Piscina<TimingLine[], TimingResult>({ filename: path.join(process.cwd(), 'bench/audioEncodeTiming.ts'), execArgv: ['--import', 'tsx'], maxThreads: 1 })
  const timing = await timingThread.run(pcms).finally(() => timingThread.destroy())
  const plainSec = timing.plainSec
  const normalisedSec = timing.normalisedSec
  const measureSec = timing.decodeAndMeasureSec
  const encodes = timing.lines.reduce((n, r) => n + r.encodes, 0)
  const outOfTarget = timing.lines.filter((r) => !r.withinTarget).length
  const kept = lines.map((l, i) => ({ speaker: l.speaker, pcm: pcms[i]!, normalised: timing.lines[i]! }))
  // Untimed, after the timing: how hard the limiter worked at each line's kept settings (the same
  // shaping again), to see per voice what reaching the target took.
  const perVoice = kept.map(({ speaker, pcm, normalised }) => {
    const { input } = compressedInput(pcm.samples, pcm.sampleRate)
    const limited = applyGainAndLimit(input, normalised.settings, limiterOptionsFor(pcm.sampleRate))
    const limitingDb = limitingDepthDb(input, limited, normalised.settings.gainDb, Math.round(pcm.sampleRate / 100))
    return { speaker, gainDb: normalised.settings.gainDb, limitingDb, encodes: normalised.encodes, lufs: normalised.loudness.integratedLufs }
  })
  // The extra encode time spread over the encode threads that can be busy at once (encodePool.ts: at
  // most one line per lane; before it, the lanes took turns on the event loop and it added in full).
  // Per round: what `kind` added over the plain pass of the same round, in percent.
  const roundAdded = (kind: PassKind) =>
    Array.from({ length: ROUNDS }, (_, r) => {
      const at = (k: PassKind) => passWallSec[3 * r + PASSES.slice(3 * r, 3 * r + 3).indexOf(k)]!
      return (at(kind) / at('plain') - 1) * 100
    })
  const addedPct = (kind: PassKind) => +((mean(wallOf[kind]) / mean(wallOf.plain) - 1) * 100).toFixed(1)
  const roundRatios = roundAdded('normalised')
  const measuredRatios = roundAdded('measured')
  const extraSec = (normalisedSec - plainSec) / Math.min(settings().audio.encodeThreads, audioConcurrency())
  const normalisation = {
    lines: lines.length,
    plainEncodeSec: +plainSec.toFixed(2),
    normalisedEncodeSec: +normalisedSec.toFixed(2),
    encodesPerLine: +(encodes / lines.length).toFixed(2),
    // lines the codec's overshoot keeps from -16 LUFS +-1 at <= -1.5 dBTP (kept under the peak limit, quieter)
    outOfTarget,
    // What normalisation adds to the generation's wall time, measured (the target: < 20%):
    // mean wall time of the passes with it over the passes without it, less 1.
    addedPctOfWall: addedPct('normalised'),
    // The same per round (its normalised pass against its plain one), in run order, and the median
    // of those: a pass the machine slowed moves one round's figure, not the median.
    roundAddedPctOfWall: roundRatios.map((x) => +x.toFixed(1)),
    medianRoundAddedPctOfWall: +median(roundRatios).toFixed(1),
    // What decoding and measuring each plain file alone adds (the measured passes against the plain
    // ones): the floor below which no normaliser can go, since every file must be decoded and
    // measured as a player hears it. Mean, per round, median.
    measuredAddedPctOfWall: addedPct('measured'),
    roundMeasuredAddedPctOfWall: measuredRatios.map((x) => +x.toFixed(1)),
    medianRoundMeasuredAddedPctOfWall: +median(measuredRatios).toFixed(1),
    passes: {
      order: PASSES,
      plainWallSec: wallOf.plain.map((x) => +x.toFixed(2)),
      measuredWallSec: wallOf.measured.map((x) => +x.toFixed(2)),
      normalisedWallSec: wallOf.normalised.map((x) => +x.toFixed(2)),
      synthesisCalls,
      // The machine's busy cores during each pass (of os.cpus().length) and its CPU seconds.
      busyCores: busy.map((x) => +x.toFixed(2)),
      plainCpuSec: cpuOf.plain.map((x) => +x.toFixed(1)),
      measuredCpuSec: cpuOf.measured.map((x) => +x.toFixed(1)),
      normalisedCpuSec: cpuOf.normalised.map((x) => +x.toFixed(1)),
      // Mean CPU seconds of the passes of each kind, by where they were spent: this process (its
      // event loop and encode threads), espeak-ng (synthesis), the rest (Postgres, s3rver, other).
      cpuSplit: { plain: meanSplit(splitOf.plain), measured: meanSplit(splitOf.measured), normalised: meanSplit(splitOf.normalised) },
    },
    // The CPU normalisation adds to a generation (the machine's, all processes): mean CPU seconds of
    // the passes with it over those without, less 1. Null without /proc.
    addedCpuPct: cpuOf.plain.length && cpuOf.normalised.length ? +((mean(cpuOf.normalised) / mean(cpuOf.plain) - 1) * 100).toFixed(1) : null,
    // Decoding and measuring each line's file once, timed on one thread (the encode timing above).
    decodeAndMeasureSec: +measureSec.toFixed(2),
    // What it would add if the extra encode time above ran on the encode threads at its one-thread
    // speed (E: that time over the threads, see extraSec): E / (wall - E) of the first run. A lower
    // bound: on a machine whose cores are all busy the threads run slower, and the passes' extra
    // CPU (cpuSplit's process, normalised less plain) is this many times the one-thread extra:
    estimatedAddedPctOfWall: +((extraSec / (first.wallSec - extraSec)) * 100).toFixed(1),
    extraCpuOverOneThread:
      splitOf.plain.length && splitOf.normalised.length
        ? +((mean(splitOf.normalised.map((x) => x.process)) - mean(splitOf.plain.map((x) => x.process))) / (normalisedSec - plainSec)).toFixed(2)
        : null,
    // Per voice: gain and limiting depth (dB the limiter took off, energy-weighted median of 10 ms
    // frames) at the kept settings, medians and largest; encodes per line; loudness as decoded.
    perVoice: Object.fromEntries(
      speakers.map((speaker) => {
        const mine = perVoice.filter((v) => v.speaker === speaker)
        const dB = (x: number) => +x.toFixed(1)
        const lu = (x: number) => +x.toFixed(2)
        return [
          speaker,
          {
            lines: mine.length,
            gainDb: { median: dB(median(mine.map((v) => v.gainDb))), max: dB(Math.max(...mine.map((v) => v.gainDb))) },
            limitingDb: { median: dB(median(mine.map((v) => v.limitingDb))), max: dB(Math.max(...mine.map((v) => v.limitingDb))) },
            encodesPerLine: +(mine.reduce((n, v) => n + v.encodes, 0) / mine.length).toFixed(2),
            lufs: { min: lu(Math.min(...mine.map((v) => v.lufs))), median: lu(median(mine.map((v) => v.lufs))), max: lu(Math.max(...mine.map((v) => v.lufs))) },
          },
        ]
      }),
    ),
  }
  console.log(
    JSON.stringify({
      bench: 'audio',
      provider: `${provider.name} ${provider.model}`,
      concurrency: audioConcurrency(),
      encodeThreads: settings().audio.encodeThreads,
      nodes: NODES,
      locales: LOCALES,
      files: docs.length,
      wallSec: +first.wallSec.toFixed(2),
      filesPerSec: +(docs.length / first.wallSec).toFixed(2),
      synthesisCalls: first.synthesisCalls,
      charsVoiced: first.chars,
      totalBytes,
      speechSec: +speechSec.toFixed(1),
      bytesPerSecondOfSpeech: Math.round(totalBytes / speechSec),
      loudness: { filesInTarget: inTarget.length, filesOutOfTarget: docs.length - inTarget.length, quietestLufs: lufs[0], loudestLufs: lufs.at(-1), maxTruePeakDbtp: Math.max(...docs.map((d) => d.truePeakDbtp ?? Number.NEGATIVE_INFINITY)) },
      rerun: { wallSec: +rerun.wallSec.toFixed(2), jobs: rerun.jobs, synthesisCalls: rerun.synthesisCalls },
      normalisation,
    }),
  )
} finally {
  await payload.delete({ collection: 'stories', id: story.id, context })
  await payload.destroy()
}
process.exit(0)
