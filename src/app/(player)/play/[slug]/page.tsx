import { notFound } from 'next/navigation'

import { PublicPlayer } from '@/components/player/PublicPlayer'
import { DEFAULT_LOCALE, isLocale } from '@/locales'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ locale?: string | string[] }> }

/**
 * `GET /play/<slug>?locale=hi`: the reference player. Everything it does, it does through the
 * public APIs an app would use (see src/components/player/PublicPlayer.tsx).
 */
export default async function PlayPage({ params, searchParams }: Props) {
  const { slug } = await params
  const raw = (await searchParams).locale
  const locale = typeof raw === 'string' && raw !== '' ? raw : DEFAULT_LOCALE
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !isLocale(locale)) notFound()
  return <PublicPlayer slug={slug} locale={locale} />
}
