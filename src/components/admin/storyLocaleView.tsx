import type { AdminViewServerProps, PayloadRequest } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import React from 'react'

import { isUuid } from '@/domain/http/uuid'
import { isLocale, type LocaleCode } from '@/locales'

export type StoryLocaleView = {
  req: PayloadRequest
  adminRoute: string
  /** Wraps a screen in the admin's own template (nav, header, light/dark) and gutter. */
  template: (children: React.ReactNode) => React.ReactElement
  /** The story and locale of `/admin/<view>/:storyId/:locale`, or null when either is not valid. */
  target: { storyId: string; locale: LocaleCode } | null
}

/**
 * What every `/admin/<view>/:storyId/:locale` custom view (translation workspace, audio review)
 * starts with: a signed-in user (else the login page), the admin template, and the story id and
 * locale read from the path.
 */
export function storyLocaleView(props: AdminViewServerProps): StoryLocaleView {
  const { initPageResult, params, searchParams } = props
  const { req, permissions, visibleEntities } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  if (!req.user) redirect(`${adminRoute}/login`)
  const segments = (params?.segments as string[] | undefined) ?? []
  const [, storyId, locale] = segments
  const template = (children: React.ReactNode) => (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
  const target = storyId && isUuid(storyId) && isLocale(locale) ? { storyId, locale } : null
  return { req, adminRoute, template, target }
}
