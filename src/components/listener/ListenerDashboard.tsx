'use client'

import { useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { ChoiceCount, ListenerDashboard as Dashboard } from '@/listener/dashboard'

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '12px 16px',
  margin: '24px var(--gutter-h, 60px) 0',
}
const cell: React.CSSProperties = { padding: '2px 12px 2px 0', textAlign: 'left', verticalAlign: 'top' }
const bar = (value: number, max: number, color: string): React.CSSProperties => ({
  display: 'inline-block',
  height: 10,
  width: `${max ? Math.max(2, (value / max) * 160) : 0}px`,
  background: color,
  marginRight: 6,
})

/**
 * Read-only listener dashboard above the analytics list (admins only): stories started and
 * completed per day, and for each choice node how often each option was taken.
 */
export function ListenerDashboard() {
  const { config } = useConfig()
  const [data, setData] = useState<Dashboard | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    fetch(`${config.serverURL}${config.routes.api}/analytics-events/dashboard?days=30`, { credentials: 'include', signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
        setData((await res.json()) as Dashboard)
      })
      .catch((err: Error) => {
        if (err.name !== 'AbortError') setFailed(err.message)
      })
    return () => controller.abort()
  }, [config.serverURL, config.routes.api])

  if (failed) return <div style={box}>Could not load the listener dashboard: {failed}</div>
  if (!data) return <div style={box}>Loading the listener dashboard…</div>
  const maxDay = Math.max(0, ...data.perDay.map((d) => Math.max(d.started, d.completed)))
  const groups = new Map<string, ChoiceCount[]>()
  for (const c of data.choices) groups.set(`${c.storySlug} ${c.nodeId}`, [...(groups.get(`${c.storySlug} ${c.nodeId}`) ?? []), c])
  return (
    <div style={box} data-testid="listener-dashboard">
      <h3 style={{ marginTop: 0 }}>Listeners</h3>
      <p>
        {data.listeners} listeners, {data.activeListeners7d} active in the last 7 days.
      </p>
      <h4>Stories started and completed per day (last {data.days} days, UTC)</h4>
      {data.perDay.length === 0 ? (
        <p>No story_start or story_complete events yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th style={cell}>Day</th>
              <th style={cell}>Started</th>
              <th style={cell}>Completed</th>
            </tr>
          </thead>
          <tbody>
            {data.perDay.map((d) => (
              <tr key={d.day}>
                <td style={cell}>{d.day}</td>
                <td style={cell}>
                  <span style={bar(d.started, maxDay, 'var(--theme-success-500)')} />
                  {d.started}
                </td>
                <td style={cell}>
                  <span style={bar(d.completed, maxDay, 'var(--theme-elevation-500)')} />
                  {d.completed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Choices taken (current plays)</h4>
      {groups.size === 0 ? (
        <p>No choices recorded yet.</p>
      ) : (
        <table>
          <tbody>
            {[...groups.values()].map((options) => {
              const total = options.reduce((sum, o) => sum + o.count, 0)
              const first = options[0]!
              return (
                <tr key={`${first.storySlug}${first.nodeId}`}>
                  <td style={cell}>
                    <strong>{first.storySlug}</strong>
                    <br />
                    {first.nodeText ?? first.nodeId}
                  </td>
                  <td style={cell}>
                    {options.map((o) => (
                      <div key={o.choice}>
                        {o.choice}: <span style={bar(o.count, total, 'var(--theme-success-500)')} />
                        {o.count} ({Math.round((o.count / total) * 100)}%)
                      </div>
                    ))}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}
