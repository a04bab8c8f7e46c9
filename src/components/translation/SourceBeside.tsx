'use client'

import { useConfig, useDocumentInfo, useFormFields, useLocale } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { bcp47Tag } from '@/domain/translation/tags'
import { sourceLocaleOf } from '@/domain/translation/units'
import { getLocale, isLocale, type LocaleCode } from '@/locales'

import { fontFor } from './scripts'

type Props = { field: string }

/**
 * Above a localized text input: the source-locale text of the same field (what the translator
 * translates), and, when the current locale has no text of its own, which locale apps fall back to.
 * Shown only when the current locale is not the story's source.
 */
export function SourceBeside({ field }: Props) {
  const { code } = useLocale()
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const own = useFormFields(([fields]) => fields[field]?.value) as string | undefined
  const storyRef = useFormFields(([fields]) => (collectionSlug === 'stories' ? undefined : fields.story?.value)) as string | { id: string } | undefined
  const storySource = useFormFields(([fields]) => (collectionSlug === 'stories' ? fields.sourceLocale?.value : undefined)) as string | undefined
  const [source, setSource] = useState<{ locale: LocaleCode; text: string } | null>(null)
  const storyId = typeof storyRef === 'object' && storyRef ? storyRef.id : storyRef

  useEffect(() => {
    if (!id || !collectionSlug || !isLocale(code)) return
    const controller = new AbortController()
    const api = `${config.serverURL}${config.routes.api}`
    ;(async () => {
      let story: LocaleCode = isLocale(storySource) ? storySource : 'en'
      if (collectionSlug !== 'stories' && storyId) {
        const res = await fetch(`${api}/stories/${storyId}?depth=0&select[sourceLocale]=true`, { credentials: 'include', signal: controller.signal })
        const body = (await res.json()) as { sourceLocale?: string }
        if (isLocale(body.sourceLocale)) story = body.sourceLocale
      }
      const from = sourceLocaleOf(code, story)
      if (!from) return setSource(null)
      const res = await fetch(`${api}/${collectionSlug}/${id}?depth=0&locale=${from}&fallback-locale=none&select[${field}]=true`, {
        credentials: 'include',
        signal: controller.signal,
      })
      const body = (await res.json()) as Record<string, unknown>
      setSource({ locale: from, text: typeof body[field] === 'string' ? (body[field] as string) : '' })
    })().catch((err: Error) => {
      if (err.name !== 'AbortError') setSource(null)
    })
    return () => controller.abort()
  }, [id, collectionSlug, code, field, storyId, storySource, config.serverURL, config.routes.api])

  if (!source || !id) return null
  const empty = typeof own !== 'string' || own.trim() === ''
  return (
    <div data-testid={`source-beside-${field}`} style={{ margin: '0 0 6px', padding: '6px 10px', borderLeft: '3px solid var(--theme-elevation-250)', background: 'var(--theme-elevation-50)' }}>
      <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>
        {getLocale(source.locale).label} (source){empty ? ` · no ${code} text yet: apps fall back to ${getLocale(source.locale).label}` : ''}
      </div>
      <div lang={bcp47Tag(source.locale)} style={{ fontFamily: fontFor(source.locale), whiteSpace: 'pre-wrap' }}>
        {source.text || <em>(empty)</em>}
      </div>
    </div>
  )
}
