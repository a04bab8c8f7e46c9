/**
 * The bundle format (`formatVersion` 1) as a zod schema: what `/api/openapi.json` publishes as
 * `StoryBundle` and what the tests hold compiled bundles to. Objects are open (additional
 * properties allowed) because the format only grows within a version; a client generated from
 * the schema keeps working when optional fields are added.
 */
import { z } from 'zod'

import { LOCALE_CODES } from '@/locales'
import { NODE_TYPES } from '@/domain/story/graph'

import { BUNDLE_FORMAT, type StoryBundle } from '@/domain/story/bundle'

const localeCode = z.enum(LOCALE_CODES as [string, ...string[]])

const resolvedText = {
  text: z.string().describe("The text in the bundle's locale, or the fallback locale's text; '' when no locale has text."),
  textLocale: localeCode.nullable().describe('The locale the text came from; null when no locale of the fallback chain has text.'),
  fallback: z.boolean().describe("True when the text is not the bundle locale's own."),
}

export const bundleCueSchema = z
  .object({
    start: z.number().describe('Seconds from the start of the audio where the sentence begins.'),
    end: z.number().describe('Seconds where it ends.'),
    text: z.string().describe('The sentence as written in the text.'),
  })
  .describe('When one sentence is spoken (read-along highlighting); also as WebVTT at /api/audio-files/{id}/cues.vtt.')

export const bundleChoiceSchema = z
  .object({
    key: z.string().describe('A, B, C…'),
    ...resolvedText,
    target: z.string().nullable().describe('The node this option leads to (null when its target is not a node of this story).'),
    isDefault: z.boolean().describe('The option taken when the listener does not choose.'),
    audioUrl: z
      .string()
      .nullable()
      .describe("Spoken choice: the option read aloud in its choice node's voice, in the locale its text came from (made from exactly this text); null until voiced."),
    needsAudio: z.boolean().describe('The option has text but no spoken audio made from it yet (edited since, or never voiced); regeneration is pending.'),
  })

export const bundleNodeSchema = z
  .object({
    id: z.string(),
    type: z.enum(NODE_TYPES),
    characterId: z.string().nullable(),
    ...resolvedText,
    audioUrl: z
      .string()
      .nullable()
      .describe("Audio of the text's locale, made from exactly this text, speaker and pronunciation lexicon: GET it (a redirect to the object) or null."),
    needsAudio: z.boolean().describe('The node has text but no audio made from it yet (edited since, or never voiced); regeneration is pending.'),
    cues: z.array(bundleCueSchema).describe('Read-along cues of audioUrl, one per sentence; empty without audio.'),
    next: z.string().nullable().describe('Successor of a narration or dialogue node; null for choices and ends.'),
    choices: z.array(bundleChoiceSchema).describe('Options of a choice node, ordered by key; empty for other nodes.'),
  })

export const bundleCharacterSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    voiceProfile: z.string(),
    speaker: z.string().describe("The character's speaker for this locale: the voice cast's for it, else the character's default (a line whose text falls back to another locale plays that locale's audio, in its voice)."),
    avatarUrl: z.string().nullable(),
  })

export const bundleStorySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    moral: z.string(),
    ageRange: z.string(),
    region: z.string(),
    durationMin: z.number().nullable(),
    coverUrl: z.string().nullable(),
  })

export const storyBundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT).describe('Older name of formatVersion.'),
    formatVersion: z
      .literal(BUNDLE_FORMAT)
      .describe('Version of the bundle format. Changes within a format version are additive only (new optional fields).'),
    version: z.string().describe('Content hash of this bundle; the ETag of the bundle endpoint.'),
    locale: localeCode,
    story: bundleStorySchema,
    characters: z.array(bundleCharacterSchema),
    nodes: z.array(bundleNodeSchema).describe('In story order.'),
    startNodeId: z.string().nullable().describe('Where a listener begins; null for a story without a start node.'),
    complete: z.boolean().describe('True when every node and choice has its own text in this locale.'),
  })
  .describe('A compiled story in one locale: everything a player needs.')

/** Compile-time check: every compiled bundle is a valid input of the schema. */
export const asBundleSchemaInput = (b: StoryBundle): z.input<typeof storyBundleSchema> => b
