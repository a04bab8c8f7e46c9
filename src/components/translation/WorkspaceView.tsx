import type { AdminViewServerProps } from 'payload'

import { RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { storyLocaleView } from '@/components/admin/storyLocaleView'

import { mayPublish, mayReview, mayTranslate } from '@/access/translationAccess'
import { loadStoryAudio } from '@/audio/jobs/storyAudio'
import { audioProvider } from '@/audio/providers/audioProvider'
import { bcp47Tag } from '@/domain/translation/tags'
import { getLocale } from '@/locales'
import { loadStoryTranslation, statusBody, translationRow } from '@/translation/service'
import { machineTranslator } from '@/translation/machine'
import { settings as appSettings } from '@/settings'

import { fontFor } from './scripts'
import { Workspace } from './Workspace'

/**
 * `/admin/translate/:storyId/:locale`: the translation workspace of one story in one language.
 * Everything it shows comes from one server-side load (no request per unit); saves go through
 * Payload's REST API with the translator's own access.
 */
export async function WorkspaceView(props: AdminViewServerProps) {
  const { req, adminRoute, template, target } = storyLocaleView(props)
  if (!target) return template(<p>No such story or language.</p>)
  const { storyId, locale } = target
  if (!mayTranslate(req, locale)) return template(<p>You do not translate {getLocale(locale).label}.</p>)
  const settings = appSettings().publishing
  const t = await loadStoryTranslation(req, storyId, locale, settings.requireAudio)
  if (!t) return template(<p>No such story.</p>)
  const row = await translationRow(req, storyId, locale)
  const body = statusBody(t, locale, row?.publicationState ?? 'draft', settings, machineTranslator() !== null)
  const story = await req.payload.findByID({ collection: 'stories', id: storyId, depth: 0, locale, fallbackLocale: false, req, overrideAccess: true, select: { translatorNotes: true, localeNotes: true } })
  // The audio review of this language, with its counts (the review screen itself is one click away).
  const review = (await loadStoryAudio(req.payload, storyId, { provider: audioProvider(), locales: [locale] })).plan.locales[0]?.review ?? { pending: 0, approved: 0, rejected: 0 }
  const notes = story.translatorNotes as React.ComponentProps<typeof RichText>['data'] | null | undefined
  const localeNotes = story.localeNotes as React.ComponentProps<typeof RichText>['data'] | null | undefined
  return template(
    <div data-testid="translation-workspace">
      <h1 style={{ marginBottom: 4 }}>
        {body.story.title} · {getLocale(locale).label}
      </h1>
      <p style={{ marginTop: 0, color: 'var(--theme-elevation-500)' }}>
        Translating from {body.sourceLocale ? getLocale(body.sourceLocale).label : '—'} ·{' '}
        <a href={`${adminRoute}/collections/stories/${storyId}?locale=${locale}`}>Story and notes</a> ·{' '}
        <a href={`${adminRoute}/audio-review/${storyId}/${locale}`} data-testid="workspace-audio-review-link">
          Audio review ({review.pending} to review · {review.approved} approved · {review.rejected} rejected)
        </a>{' '}
        · <a href={`${adminRoute}`}>All translations</a>
      </p>
      <section style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16, marginBottom: 16 }}>
        <div style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '8px 12px' }}>
          <h4 style={{ margin: '0 0 4px' }}>Notes for translators</h4>
          {notes ? <RichText data={notes} /> : <p style={{ margin: 0, color: 'var(--theme-elevation-500)' }}>No notes yet (editors write them on the story).</p>}
        </div>
        <div style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '8px 12px' }} lang={bcp47Tag(locale)}>
          <h4 style={{ margin: '0 0 4px' }}>Notes of the {getLocale(locale).label} translators</h4>
          {localeNotes ? (
            <div style={{ fontFamily: fontFor(locale) }}>
              <RichText data={localeNotes} />
            </div>
          ) : (
            <p style={{ margin: 0, color: 'var(--theme-elevation-500)' }}>None yet: add them under “Story and notes”.</p>
          )}
        </div>
      </section>
      <Workspace
        initial={body}
        apiRoute={`${req.payload.config.serverURL}${req.payload.config.routes.api}`}
        canReview={mayReview(req, locale)}
        canPublish={mayPublish(req)}
      />
    </div>,
  )
}
