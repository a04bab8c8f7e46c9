import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { storyLocaleView } from '@/components/admin/storyLocaleView'

import { mayReviewAudio } from '@/access/audioReviewAccess'
import { staffUser } from '@/access/roles'
import { mayTranslate } from '@/access/translationAccess'
import { audioProvider } from '@/audio/providers/audioProvider'
import { loadAudioReview } from '@/audio/review'
import { translatorTakeLimit } from '@/domain/audio/takes'
import { PACE_RANGE } from '@/domain/audio/variants'
import { bcp47Tag } from '@/domain/translation/tags'
import { getLocale } from '@/locales'
import { settings } from '@/settings'

import { fontFor } from '../translation/scripts'
import { AudioReview } from './AudioReview'

/**
 * `/admin/audio-review/:storyId/:locale`: listen to every voiced line of a story in one language
 * and approve or reject it (with a note). Loaded in one server-side pass; decisions are saved
 * through Payload's REST API with the reviewer's own access (editors, and the translators of that
 * language: see audioReviewAccess.ts).
 */
export async function AudioReviewView(props: AdminViewServerProps) {
  const { req, adminRoute, template, target } = storyLocaleView(props)
  if (!target) return template(<p>No such story or language.</p>)
  const { storyId, locale } = target
  if (!mayTranslate(req, locale)) return template(<p data-testid="audio-review-denied">You do not work on {getLocale(locale).label}.</p>)
  const review = await loadAudioReview(req, storyId, locale)
  if (!review) return template(<p>No such story.</p>)
  const rule = settings().publishing.requireAudio
  // A translator's retakes are capped per line (the regenerate endpoint's 429): lines at the cap say so.
  const configured = settings().audio.translatorMaxTakes
  const provider = audioProvider()
  const limit = staffUser(req)?.role === 'translator' ? translatorTakeLimit(configured, provider.name) : null
  const takeCap = limit === null ? null : { limit, providerName: provider.name, configured }
  return template(
    <div data-testid="audio-review">
      <h1 style={{ marginBottom: 4 }}>
        Audio review · <span lang={bcp47Tag(locale)} style={{ fontFamily: fontFor(locale) }}>{review.story.title}</span> · {getLocale(locale).label}
      </h1>
      <p style={{ marginTop: 0, color: 'var(--theme-elevation-500)' }}>
        <a href={`${adminRoute}/collections/stories/${storyId}`}>Back to the story</a>
        {rule !== 'none' && <> · Publishing needs {rule === 'approved' ? 'every line approved' : 'every line voiced'} (REQUIRE_AUDIO_TO_PUBLISH={rule})</>}
      </p>
      <AudioReview
        apiRoute={`${req.payload.config.serverURL}${req.payload.config.routes.api}`}
        canReview={mayReviewAudio(staffUser(req), locale)}
        font={fontFor(locale)}
        initialLines={review.lines}
        lang={bcp47Tag(locale)}
        speakers={audioProvider().speakers()}
        paceRange={PACE_RANGE}
        takeCap={takeCap}
      />
    </div>,
  )
}
