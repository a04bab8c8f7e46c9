'use client'

import { Pill, useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { Dashboard, DashboardCell } from '@/translation/dashboard'

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '12px 16px', marginBottom: 24, overflowX: 'auto' }
const cell: React.CSSProperties = { padding: '4px 10px 4px 0', textAlign: 'left', verticalAlign: 'top', whiteSpace: 'nowrap' }
const pct = (n: number, of: number) => (of ? Math.floor((n * 100) / of) : 100)

function Cell({ c, href }: { c: DashboardCell | undefined; href: string }) {
  if (!c) return <td style={cell}>—</td>
  if (c.state === 'source') {
    return (
      <td style={cell}>
        <a href={href}>source</a>
        <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>audio {pct(c.audioNodes, c.nodes)}%</div>
      </td>
    )
  }
  return (
    <td style={cell} data-testid="dashboard-cell">
      <a href={href}>{pct(c.translated, c.units)}% translated</a>
      <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>
        {c.stale ? <strong style={{ color: 'var(--theme-warning-500)' }}>{c.stale} stale · </strong> : null}
        {pct(c.approved, c.units)}% approved · audio {pct(c.audioNodes, c.nodes)}%
      </div>
      <Pill size="small" pillStyle={c.state === 'published' ? 'success' : 'light'}>
        {c.state.replace('_', ' ')}
      </Pill>
    </td>
  )
}

/**
 * Stories x languages on the admin's home page: % translated, stale count, % approved, audio
 * coverage and publication state, each linking to the workspace. Translators see their languages.
 */
export function TranslationDashboard() {
  const { config } = useConfig()
  const [data, setData] = useState<Dashboard | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    fetch(`${config.serverURL}${config.routes.api}/translation-dashboard`, { credentials: 'include', signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
        setData((await res.json()) as Dashboard)
      })
      .catch((err: Error) => {
        if (err.name !== 'AbortError') setFailed(err.message)
      })
    return () => controller.abort()
  }, [config.serverURL, config.routes.api])
  if (failed) return <div style={box}>Could not load translations: {failed}</div>
  if (!data) return <div style={box}>Loading translations…</div>
  const admin = config.routes.admin
  return (
    <div style={box} data-testid="translation-dashboard">
      <h3 style={{ marginTop: 0 }}>Translations</h3>
      {data.stories.length === 0 ? (
        <p>No stories yet.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={cell}>Story</th>
              {data.locales.map((l) => (
                <th key={l} style={cell}>
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.stories.map((s) => (
              <tr key={s.id} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
                <td style={cell}>
                  <a href={`${admin}/collections/stories/${s.id}`}>{s.title}</a>
                  {!s.active && <div style={{ fontSize: 12, color: 'var(--theme-elevation-500)' }}>inactive</div>}
                </td>
                {data.locales.map((l) => (
                  <Cell key={l} c={s.locales[l]} href={`${admin}/translate/${s.id}/${l}`} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
