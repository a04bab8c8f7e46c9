import type http from 'node:http'

/**
 * Logs a request that took at least `thresholdMs` to answer, or that its client gave up on after
 * that long (the connection closed before the answer was sent): its method, route template (no
 * ids, no query string), status and time. Slow answers are where lock waits, a starved event loop
 * or a stuck dependency first show; the metrics' histogram says how many, this says which and when.
 * `thresholdMs` 0 logs nothing.
 */
export function watchSlowRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: (status: number) => string,
  thresholdMs: number,
  log: (line: string) => void,
  startedAt = performance.now(),
): void {
  if (thresholdMs <= 0) return
  const method = req.method ?? 'GET'
  res.once('close', () => {
    const ms = performance.now() - startedAt
    if (ms < thresholdMs) return
    const seconds = (ms / 1000).toFixed(1)
    log(
      res.writableFinished
        ? `[server] slow request: ${method} ${route(res.statusCode)} answered ${res.statusCode} in ${seconds} s`
        : `[server] slow request: ${method} ${route(res.statusCode)} closed by the client after ${seconds} s, before it was answered`,
    )
  })
}
