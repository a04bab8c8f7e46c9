import type { DataFromCollectionSlug, Payload } from 'payload'

import type { AudioStore } from '@/storage/objectStore'
import { LOCK, lockInTransaction, withSessionLock } from '@/db/locks'
import { idOf } from '@/db/idOf'
import { withTransaction } from '@/db/transaction'
import { TtsError } from '@/domain/audio/ttsError'
import { releaseObject } from '@/audio/jobs/audioObjects'
import { dropSpooledSynthesis, spoolSynthesis, spooledSynthesis } from '@/audio/jobs/synthesisSpool'
import { providerIdentity } from '@/audio/providers/audioProvider'
import { synthesizeToOpus } from '@/audio/synthesizeToOpus'
import type { TtsProvider } from '@/audio/providers/types'
import { audioObjectKey } from '@/domain/audio/objectKey'
import type { Cue } from '@/domain/audio/cues'
import { compileLexicon } from '@/domain/audio/lexicon'
import { loadLexicon } from '@/audio/lexicon'
import { syncedDictionary } from '@/audio/pronunciationDictionary'
import { dictionaryFits } from '@/domain/audio/pronunciationDictionary'
import { lineVoiceOfRow, variantFor, variantName, type LineVoice, type Variant } from '@/domain/audio/variants'
import { castModelOf, castSpeaker, type CastModel } from '@/domain/audio/speakers'
import { isLocale } from '@/locales'
import { SLUGS } from '@/slugs'
import { settings } from '@/settings'

export type GenerateAudioInput = {
  node: string
  /** A spoken choice: voice this option of the node (a choice node) instead of the node's own line. */
  choice?: string | null
  locale: string
  /** A speaker other than the node's character's (a second voice variant). */
  speaker?: string | null
  /** The node's story, recorded so status queries find the job. */
  story?: string | null
  /**
   * Regenerate this (rejected) audio file alone: its line is voiced again as a new take, by
   * `speaker` when given (else the cast's) at `pace` when given (else normal), replacing that
   * file's audio; the line keeps this voice from then on (see LineVoice).
   */
  retakeOf?: string | null
  /** Pace of a retake (PACE_RANGE), 1 = normal. */
  pace?: number | null
}

export type GenerateAudioOutput = {
  /** created/updated: new audio saved; unchanged: the row already matched; skipped: nothing to voice. */
  status: 'created' | 'updated' | 'unchanged' | 'skipped'
  reason?: string
  audioFile?: string
  contentKey?: string
  objectKey?: string
  /** Synthesis requests sent (0 when nothing was voiced or existing audio was reused). */
  calls: number
  /** Characters sent for synthesis. */
  chars: number
  bytes: number
  durationSec: number
  /** Audio was copied from another row with the same content key instead of synthesised. */
  reused: boolean
  /** Objects deleted because this run superseded them. */
  deletedObjects: number
}

type AudioFile = DataFromCollectionSlug<'audio-files'>

export type GenerateDeps = { provider: TtsProvider; store: AudioStore }

type Media = {
  key: string
  bytes?: Buffer
  fileSize: number
  durationSec: number
  checksum: string
  calls: number
  chars: number
  reused: boolean
  loudnessLufs: number | null
  truePeakDbtp: number | null
  cues: Cue[] | null
  /** Kept from an earlier attempt whose save failed (synthesisSpool.ts). */
  spooled?: boolean
}

const none = { calls: 0, chars: 0, bytes: 0, durationSec: 0, reused: false, deletedObjects: 0 }

/**
 * Voice one (node, locale, speaker) variant and keep its audio_files row in step:
 * - the node's own text in that locale only (no fallback); none -> `skipped`;
 * - a row of this variant with the current content key -> `unchanged`, no provider call;
 * - a row anywhere with the same content key -> its object is reused, no provider call;
 * - audio of this content key kept from an attempt whose save failed -> saved, no provider call;
 * - otherwise synthesise, encode, upload `audio/<sha256>.opus`, and save the row (replacing the
 *   variant's old row), then delete the superseded object if nothing references it.
 * One task per variant runs at a time, and one synthesis per content key (session advisory locks:
 * variants sharing a key, e.g. two workers on the same line, wait and then reuse the first one's
 * audio). A failure leaves no new row and no new object behind; synthesised audio whose save
 * failed (object storage or the database away) is kept (synthesisSpool.ts) for the retry, so it is
 * billed once. TTS failures are `TtsError`s with a message that says what was wrong.
 */
export async function generateAudio(payload: Payload, input: GenerateAudioInput, deps: GenerateDeps): Promise<GenerateAudioOutput> {
  const { provider, store } = deps
  if (!isLocale(input.locale)) {
    throw new TtsError('UNSUPPORTED_LOCALE', `Unknown locale "${input.locale}"; this project has: ${provider.languages.join(', ')}`)
  }
  const node = await payload.findByID({
    collection: SLUGS.storyNodes,
    id: input.node,
    locale: input.locale,
    fallbackLocale: false,
    depth: 0,
    joins: false,
    overrideAccess: true,
    disableErrors: true,
    select: { textContent: true, character: true, story: true },
  })
  if (!node) return { status: 'skipped', reason: 'The node no longer exists', ...none }
  let text = node.textContent
  if (input.choice) {
    const choice = await payload.findByID({
      collection: SLUGS.storyChoices,
      id: input.choice,
      locale: input.locale,
      fallbackLocale: false,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { textContent: true, node: true },
    })
    if (!choice || idOf(choice.node as Ref) !== node.id) return { status: 'skipped', reason: 'The choice no longer exists at this node', ...none }
    text = choice.textContent
  }
  // The line's own voice (a retake asked for now, or one it was given before), and the row it keeps.
  const line = { node: node.id, choice: input.choice ?? null, locale: input.locale }
  let voice: LineVoice | null = null
  let keep: AudioFile | undefined
  if (input.retakeOf) {
    const row = await payload.findByID({ collection: SLUGS.audioFiles, id: input.retakeOf, depth: 0, overrideAccess: true, disableErrors: true })
    if (!row || idOf(row.node as Ref) !== line.node || (idOf(row.choice as Ref) ?? null) !== line.choice || row.languageCode !== line.locale) {
      return { status: 'skipped', reason: 'The audio file to regenerate no longer belongs to this line', ...none }
    }
    const before = (await lineVoiceRows(payload, line)).map(lineVoiceOfRow).reduce((n, v) => Math.max(n, v?.take ?? 0), lineVoiceOfRow(row)?.take ?? 0)
    voice = { speaker: input.speaker?.trim().toLowerCase() || null, pace: typeof input.pace === 'number' ? input.pace : null, take: before + 1 }
    keep = row
  } else if (!input.speaker?.trim()) {
    const rows = await lineVoiceRows(payload, line)
    keep = rows[0]
    voice = keep ? lineVoiceOfRow(keep) : null
  }
  // A choice's option is spoken in the voice of its choice node (its character's, or the narrator's).
  const speaker = (!input.retakeOf && input.speaker?.trim()) || (await speakerOf(payload, node.character, input.locale, castModelOf(provider)))
  const lexicon = compileLexicon(await loadLexicon({ payload }), input.locale)
  const variant = variantFor({ ...line, text, speaker, voice }, providerIdentity(provider), lexicon)
  if (!variant) return { status: 'skipped', reason: `The ${input.choice ? 'choice' : 'node'} has no ${input.locale} text of its own`, ...none }
  if (!provider.speakers().includes(variant.speaker)) {
    throw new TtsError('UNKNOWN_SPEAKER', `Unknown speaker "${variant.speaker}" for the ${provider.name} provider (${provider.model}). Valid speakers: ${provider.speakers().join(', ')}`)
  }
  return withSessionLock(payload, LOCK.variant, variantName(variant), () => generateLocked(payload, variant, deps, keep))
}

/** How many times a line in a locale has been voiced again (its latest take; 0 when never). */
export async function lineTakes(payload: Payload, line: { node: string; choice: string | null; locale: string }): Promise<number> {
  return (await lineVoiceRows(payload, line)).map(lineVoiceOfRow).reduce((n, v) => Math.max(n, v?.take ?? 0), 0)
}

/** Rows of a line in a locale that carry a line voice (a regenerated line), the latest take first. */
async function lineVoiceRows(payload: Payload, line: { node: string; choice: string | null; locale: string }): Promise<AudioFile[]> {
  const { docs } = await payload.find({
    collection: SLUGS.audioFiles,
    where: {
      and: [
        { node: { equals: line.node } },
        line.choice ? { choice: { equals: line.choice } } : { choice: { exists: false } },
        { languageCode: { equals: line.locale } },
        { 'lineVoice.take': { exists: true } },
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    sort: '-lineVoice.take',
  })
  return docs
}

async function generateLocked(payload: Payload, variant: Variant, deps: GenerateDeps, keep?: AudioFile): Promise<GenerateAudioOutput> {
  const found = await variantRows(payload, variant)
  // A regenerated line's row is replaced in place (its speaker may change): it comes first.
  const rows = keep ? [keep, ...found.filter((r) => r.id !== keep.id)] : found
  const current = rows.find((r) => r.contentKey === variant.contentKey)
  if (current) {
    const { deletedObjects } = await saveVariant(payload, deps, variant, rows, undefined, current)
    return { ...none, status: 'unchanged', audioFile: current.id, contentKey: variant.contentKey, objectKey: current.r2Url, deletedObjects }
  }
  // One synthesis per content key: a variant that shares it waits here, then reuses the audio.
  return withSessionLock(payload, LOCK.content, variant.contentKey, () => voiceLocked(payload, variant, rows, deps))
}

async function voiceLocked(payload: Payload, variant: Variant, rows: AudioFile[], deps: GenerateDeps): Promise<GenerateAudioOutput> {
  for (let attempt = 0; ; attempt++) {
    const donor = attempt === 0 ? await rowWithKey(payload, variant.contentKey) : undefined
    const media: Media = donor
      ? {
          key: donor.r2Url,
          fileSize: donor.fileSize ?? 0,
          durationSec: donor.durationSec ?? 0,
          checksum: donor.checksum ?? '',
          calls: 0,
          chars: 0,
          reused: true,
          loudnessLufs: donor.loudnessLufs ?? null,
          truePeakDbtp: donor.truePeakDbtp ?? null,
          cues: (donor.cues as Cue[] | null | undefined) ?? null,
        }
      : ((await spooled(payload, variant)) ?? (await synthesize(payload, deps.provider, variant)))
    try {
      const { id, deletedObjects, created } = await saveVariant(payload, deps, variant, rows, media)
      if (media.spooled) {
        await dropSpooledSynthesis(payload, variant.contentKey).catch((error: unknown) => {
          payload.logger.warn({ err: error, msg: `Could not drop the kept audio of ${variant.contentKey}; the sweep will` })
        })
      }
      return {
        status: created ? 'created' : 'updated',
        audioFile: id,
        contentKey: variant.contentKey,
        objectKey: media.key,
        calls: media.calls,
        chars: media.chars,
        bytes: media.fileSize,
        durationSec: media.durationSec,
        reused: media.reused,
        deletedObjects,
      }
    } catch (error) {
      // The donor's object vanished (deleted out of band): voice it after all.
      if (error instanceof DonorObjectMissing && attempt === 0) continue
      // Synthesised (and billed) but not saved: keep the audio for the job's retry.
      if (media.bytes && !media.spooled) {
        const { bytes, fileSize, durationSec, checksum, chars, calls, loudnessLufs, truePeakDbtp, cues } = media
        await spoolSynthesis(payload, variant.contentKey, { bytes, fileSize, durationSec, checksum, chars, calls, loudnessLufs, truePeakDbtp, cues }).catch((spoolError: unknown) => {
          payload.logger.error({ err: spoolError, msg: `Could not keep the synthesised audio of ${variant.contentKey}; the retry will synthesise it again` })
        })
      }
      throw error
    }
  }
}

/** Audio of the variant's content key kept from an attempt whose save failed (not billed again). */
async function spooled(payload: Payload, variant: Variant): Promise<Media | null> {
  const kept = await spooledSynthesis(payload, variant.contentKey)
  if (!kept) return null
  return { ...kept, key: audioObjectKey(kept.checksum), calls: 0, chars: 0, reused: false, spooled: true }
}

class DonorObjectMissing extends Error {}

const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * Voices a variant. For a model with a pronunciation dictionary (Sarvam bulbul:v3) the dictionary
 * is synced with the lexicon first, and a line it fits is sent as written with the dictionary's id
 * (the engine applies the words); any other line, and every other model, gets its text rewritten.
 */
async function synthesize(payload: Payload, provider: TtsProvider, variant: Variant): Promise<Media> {
  const dictionary = provider.dictionary ? await syncedDictionary(payload, provider) : null
  const block = dictionary?.pronunciations[provider.dictionary!.languageOf(variant.locale)]
  const viaDictionary = !!dictionary && dictionaryFits(variant.sentences, block)
  const audio = await synthesizeToOpus(provider, {
    text: variant.text,
    sentences: viaDictionary ? variant.sentences.map((s) => ({ text: s.text, spoken: s.text })) : variant.sentences,
    ...(viaDictionary ? { dictionaryId: dictionary.id } : {}),
    locale: variant.locale,
    speaker: variant.speaker,
    ...(variant.pace !== null ? { settings: { pace: variant.pace } } : {}),
  })
  return {
    key: audioObjectKey(audio.sha256),
    bytes: audio.bytes,
    fileSize: audio.bytes.length,
    durationSec: Math.round(audio.durationSec * 100) / 100,
    checksum: audio.sha256,
    calls: audio.calls,
    chars: audio.chars,
    reused: false,
    loudnessLufs: audio.loudness ? round2(audio.loudness.integratedLufs) : null,
    truePeakDbtp: audio.loudness ? round2(audio.loudness.truePeakDbtp) : null,
    cues: audio.cues,
  }
}

/**
 * Writes the variant's row in one transaction holding the object's lock (one row per variant: the
 * first existing row is updated, any others deleted), then deletes objects no longer referenced.
 * With `media` undefined only the extra rows of a variant that is already up to date go.
 */
async function saveVariant(
  payload: Payload,
  deps: GenerateDeps,
  variant: Variant,
  rows: AudioFile[],
  media: Media | undefined,
  keep: AudioFile | undefined = rows[0],
): Promise<{ id: string | undefined; created: boolean; deletedObjects: number }> {
  const stale = rows.filter((r) => r.id !== keep?.id)
  if (!media && stale.length === 0) return { id: keep?.id, created: false, deletedObjects: 0 }
  const newKey = media?.key ?? keep!.r2Url
  const released = new Set(rows.map((r) => r.r2Url).filter((k) => k !== newKey))
  let uploaded = false
  let saved: { id: string | undefined; created: boolean }
  try {
    saved = await withTransaction(
      payload,
      async (req, db) => {
        await lockInTransaction(db, LOCK.object, newKey)
        if (media?.bytes) {
          await deps.store.put(newKey, media.bytes)
          uploaded = true
        } else if (media && !(await deps.store.exists(newKey))) {
          throw new DonorObjectMissing(newKey)
        }
        const context = { skipBundleCompile: true, skipAudioRelease: true }
        for (const row of stale) await payload.delete({ collection: SLUGS.audioFiles, id: row.id, req, overrideAccess: true, context })
        if (!media) return { id: keep?.id, created: false }
        const data = {
          node: variant.node,
          choice: variant.choice,
          languageCode: variant.locale,
          codeMixRatio: variant.codeMixRatio,
          speakerId: variant.speaker,
          r2Url: media.key,
          fileSize: media.fileSize,
          durationSec: media.durationSec,
          checksum: media.checksum,
          contentKey: variant.contentKey,
          provider: deps.provider.name,
          model: deps.provider.model,
          textChars: variant.chars,
          loudnessLufs: media.loudnessLufs,
          truePeakDbtp: media.truePeakDbtp,
          cues: media.cues,
          ...(variant.voice ? { lineVoice: { speaker: variant.voice.speaker, pace: variant.voice.pace, take: variant.voice.take } } : {}),
        }
        const doc = keep
          ? await payload.update({ collection: SLUGS.audioFiles, id: keep.id, data, req, overrideAccess: true, context, depth: 0 })
          : await payload.create({ collection: SLUGS.audioFiles, data, req, overrideAccess: true, context, depth: 0 })
        return { id: doc.id, created: !keep }
      },
      { skipBundleCompile: true },
    )
  } catch (error) {
    // No orphan: an object uploaded for a row that never committed goes again (unless referenced).
    if (uploaded) {
      await releaseObject(payload, deps.store, newKey).catch((cleanup: unknown) => {
        payload.logger.error({ err: cleanup, msg: `Could not delete ${newKey} after a failed save; the sweep will retry` })
      })
    }
    throw error
  }
  let deletedObjects = 0
  for (const key of released) if (key && (await releaseObject(payload, deps.store, key))) deletedObjects++
  return { ...saved, deletedObjects }
}

async function variantRows(payload: Payload, variant: Variant): Promise<AudioFile[]> {
  const { docs } = await payload.find({
    collection: SLUGS.audioFiles,
    where: {
      and: [
        { node: { equals: variant.node } },
        variant.choice ? { choice: { equals: variant.choice } } : { choice: { exists: false } },
        { languageCode: { equals: variant.locale } },
        { speakerId: { equals: variant.speaker } },
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'createdAt',
  })
  return docs
}

async function rowWithKey(payload: Payload, key: string): Promise<AudioFile | undefined> {
  const { docs } = await payload.find({
    collection: SLUGS.audioFiles,
    where: { contentKey: { equals: key } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  return docs[0]
}

type Ref = string | { id: string } | null | undefined

/** The character's voice in `locale` with `model`'s voices (its voice cast), else its default speaker, else the narrator's. */
async function speakerOf(payload: Payload, character: Ref, locale: string, model: CastModel): Promise<string> {
  const id = idOf(character)
  const doc = id ? await payload.findByID({ collection: SLUGS.characters, id, depth: 0, overrideAccess: true, disableErrors: true, select: { bulbulSpeaker: true, voiceCast: true } }) : null
  return castSpeaker(doc, locale, settings().audio.narratorSpeaker, model)
}
