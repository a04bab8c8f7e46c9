/**
 * Several app processes on one port (`WEB_CONCURRENCY=2 npm start`, a Node cluster of the custom
 * server) on the shared production build: both workers answer, metrics are one scrape for the
 * machine, health and readiness answer, and SIGTERM ends the whole group with exit 0.
 */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { freePort } from '../../scripts/lib/ports'
import { startApp, type RunningApp, waitUntil } from '../support/e2eServer'

const METRICS_TOKEN = 'e2e-metrics-token-0123456789'
let cluster: RunningApp | undefined

beforeAll(async () => {
  // AUDIO_WORKER=server asks for the in-server audio worker: the cluster must run it in worker 1 only.
  cluster = await startApp({ port: await freePort(), env: { WEB_CONCURRENCY: '2', METRICS_TOKEN, AUDIO_WORKER: 'server' } })
  // startApp returns once one worker answers; the other may still be starting (CI once saw 40
  // requests in a row answered by worker 1). The primary says when both listen.
  const app = cluster
  await waitUntil(async () => /cluster ready: 2 of 2 workers listening/.test(app.log()), 120_000, 250).catch((err: Error) => {
    throw new Error(`the cluster did not report both workers listening (${err.message}):\n${app.log().slice(-2000)}`)
  })
})

afterAll(async () => {
  await cluster?.stop()
})

const base = () => cluster!.url

/** One request on a new connection (no keep-alive), so the cluster may hand it to any worker. */
async function fresh(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base()}${path}`, { ...init, headers: { connection: 'close', ...(init.headers ?? {}) } })
}

describe('WEB_CONCURRENCY=2', () => {
  it('should answer from two worker processes on one port', async () => {
    const pids = new Set<number>()
    for (let i = 0; i < 40 && pids.size < 2; i++) {
      const res = await fresh('/api/health')
      expect(res.status).toBe(200)
      pids.add(((await res.json()) as { pid: number }).pid)
    }
    expect(pids.size).toBe(2)
  })

  it('should run the in-server audio worker in exactly one process, worker 1, when AUDIO_WORKER=server', async () => {
    const workerPids = () => [...cluster!.log().matchAll(/\(worker (\d) of 2, pid (\d+)\)/g)].map((m) => ({ index: Number(m[1]), pid: Number(m[2]) }))
    const audioWorkerPids = () => [...cluster!.log().matchAll(/Audio worker running in this server \(pid (\d+)/g)].map((m) => Number(m[1]))
    // Every worker initialises Payload (and so decides about the audio worker) on its first API
    // request: new connections are spread round-robin, so a dozen bundle reads reach both.
    await expect
      .poll(
        async () => {
          for (let i = 0; i < 12; i++) await (await fresh('/api/stories/clever-crow/bundle?locale=en')).arrayBuffer()
          return audioWorkerPids().length
        },
        { timeout: 60_000 },
      )
      .toBe(1)
    const workers = workerPids()
    expect(workers.map((w) => w.index).sort()).toEqual([1, 2])
    expect(audioWorkerPids()).toEqual([workers.find((w) => w.index === 1)!.pid])
  })

  it('should serve readable bundles from every worker', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await fresh('/api/stories/clever-crow/bundle?locale=hi')
      expect(res.status).toBe(200)
      expect(((await res.json()) as { locale: string }).locale).toBe('hi')
    }
  })

  it('should report readiness of database, migrations and bucket', async () => {
    const res = await fresh('/api/ready')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> }
    expect(body.status).toBe('ready')
    expect(Object.keys(body.checks).sort()).toEqual(['bucket', 'database', 'migrations'])
  })

  it('should refuse metrics without the token or a staff sign-in', async () => {
    expect((await fresh('/api/metrics')).status).toBe(401)
    expect((await fresh('/api/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
  })

  it('should give one scrape with the requests of both workers summed', async () => {
    for (let i = 0; i < 10; i++) await (await fresh('/api/stories/clever-crow/bundle?locale=en')).arrayBuffer()
    const res = await fresh('/api/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(res.status).toBe(200)
    const text = await res.text()
    const line = text.split('\n').find((l) => l.startsWith('bk_http_requests_total{') && l.includes('route="/api/stories/:id/bundle"') && l.includes('status="200"'))
    expect(line, text.slice(0, 2000)).toBeDefined()
    expect(Number(line!.split(' ').at(-1))).toBeGreaterThanOrEqual(16)
    expect(text).toMatch(/^bk_bundle_cache_total\{result="hit"\} \d+/m)
    expect(text).toMatch(/^bk_db_queries_total\{/m)
    expect(text).toMatch(/^bk_jobs_queued \d+/m)
  })

  it('should return the request id it was given, or a new one', async () => {
    const given = await fresh('/api/stories/catalog', { headers: { 'x-request-id': 'lb-req-12345678' } })
    expect(given.headers.get('x-request-id')).toBe('lb-req-12345678')
    const made = await fresh('/api/stories/catalog', { headers: { 'x-request-id': 'bad id with spaces' } })
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('the shared single-process server', () => {
  it('should answer /api/health without touching the database', async () => {
    const res = await fetch(`${inject('appUrl')}/api/health`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { status: string }).status).toBe('ok')
  })
})

// Last: it stops the cluster.
describe('SIGTERM', () => {
  it('should finish a request in flight, then stop every worker cleanly', async () => {
    const app = cluster!
    cluster = undefined
    const body = JSON.stringify({ query: '{ Stories(limit: 1) { docs { slug } } }' })
    // A request whose body is still arriving when SIGTERM comes: the server must wait for it.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${app.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      })
      req.on('error', reject)
      req.write(body.slice(0, 10))
      setTimeout(() => req.end(body.slice(10)), 1_500)
    })
    await new Promise((r) => setTimeout(r, 500))
    const stopped = app.stop()
    const res = await answer
    await stopped
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text).data.Stories.docs).toHaveLength(1)
    const log = app.log()
    expect(log.match(/\[server\] stopped cleanly/g) ?? []).toHaveLength(2)
    expect(log).not.toMatch(/\[shutdown\] .* failed|did not finish within/)
  })
})
