import fs from 'node:fs'
import http from 'node:http'

/** Resident memory of a process on this machine, in bytes (/proc/<pid>/status). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
}

export type ChunkedOutcome = { status: number; body: string; sentBytes: number; peakRssGrowth: number; ms: number }

/**
 * POSTs `totalBytes` as a chunked body (no Content-Length), 256 KB at a time with backpressure,
 * until the server answers, sampling the resident memory of the server process `pid` meanwhile.
 * Content-Type is application/json unless `headers` says otherwise (null: no such header).
 */
export function sendChunked(url: string, pid: number, totalBytes: number, headers: Record<string, string | null> = {}): Promise<ChunkedOutcome> {
  const before = rssOf(pid)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20)
  const t0 = Date.now()
  return new Promise<ChunkedOutcome>((resolve, reject) => {
    let sentBytes = 0
    let answered = false
    const all = Object.entries({ 'content-type': 'application/json', ...headers }).filter((e): e is [string, string] => e[1] !== null)
    const req = http.request(url, { method: 'POST', headers: Object.fromEntries(all) })
    const finish = (status: number, body: string) => {
      clearInterval(sampler)
      peak = Math.max(peak, rssOf(pid))
      resolve({ status, body, sentBytes, peakRssGrowth: peak - before, ms: Date.now() - t0 })
    }
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => finish(res.statusCode ?? 0, body))
      res.on('error', () => finish(res.statusCode ?? 0, body))
    })
    req.on('error', (err) => {
      if (answered) return
      clearInterval(sampler)
      reject(err)
    })
    req.setTimeout(120_000, () => req.destroy(new Error('timeout')))
    const chunk = Buffer.alloc(256 * 1024, 'a')
    req.write('{"title":"')
    // One chunk per turn of the event loop, as a client streaming from a file or a socket does, so
    // the answer is seen as soon as it arrives. (A synchronous loop saw it only when a write
    // blocked: against a server discarding the rest of a refused body, loopback took 45 MB in one
    // burst, and `sentBytes` measured the kernel's buffers, not when the server answered.)
    const pump = () => {
      if (answered) return
      if (sentBytes >= totalBytes) return void req.end('"}')
      sentBytes += chunk.length
      if (req.write(chunk)) setImmediate(pump)
      else req.once('drain', pump)
    }
    pump()
  })
}
