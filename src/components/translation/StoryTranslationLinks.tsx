'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { LOCALES } from '@/locales'

/** On the story's edit view: a link to the translation workspace of each language the user works in. */
export function StoryTranslationLinks() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth<{ role?: string; assignedLocales?: string[] }>()
  if (!id) return null
  const mine = user?.role === 'translator' ? LOCALES.filter((l) => user.assignedLocales?.includes(l.code)) : LOCALES
  return (
    <div style={{ marginBottom: 24 }} data-testid="translation-links">
      <strong>Translate:</strong>{' '}
      {mine.map((l, i) => (
        <React.Fragment key={l.code}>
          {i > 0 && ' · '}
          <a href={`${config.routes.admin}/translate/${id}/${l.code}`}>{l.label}</a>
        </React.Fragment>
      ))}
    </div>
  )
}
