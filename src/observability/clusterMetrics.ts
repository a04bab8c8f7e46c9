import cluster from 'node:cluster'
import { randomUUID } from 'node:crypto'

import client from 'prom-client'

import { metrics } from '@/observability/metrics'

/**
 * Metrics across a Node cluster (WEB_CONCURRENCY > 1): the worker that receives the scrape asks
 * the primary, which gathers every worker's registry with prom-client's AggregatorRegistry (one
 * scrape = the whole machine, counters summed, histograms merged). One process: its own registry.
 */
type Request = { type: 'bk:metrics-request'; id: string }
type Reply = { type: 'bk:metrics-reply'; id: string; text?: string; error?: string }

export async function scrapeMetrics(): Promise<{ text: string; contentType: string }> {
  const { registry } = metrics()
  if (!cluster.isWorker || !process.send) return { text: await registry.metrics(), contentType: registry.contentType }
  const id = randomUUID()
  const text = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage)
      reject(new Error('the cluster primary did not answer the metrics request within 7 s'))
    }, 7_000) // prom-client gives up on a silent worker after 5 s and the primary then answers
    const onMessage = (msg: Reply) => {
      if (msg?.type !== 'bk:metrics-reply' || msg.id !== id) return
      clearTimeout(timer)
      process.off('message', onMessage)
      if (msg.error !== undefined) reject(new Error(msg.error))
      else resolve(msg.text ?? '')
    }
    process.on('message', onMessage)
    process.send!({ type: 'bk:metrics-request', id } satisfies Request)
  })
  return { text, contentType: registry.contentType }
}

/** In each cluster worker: answer the primary's aggregation requests from this process's registry. */
export function serveWorkerRegistry(): void {
  // Constructing one installs prom-client's worker-side listener (it answers the primary).
  new client.AggregatorRegistry()
  client.AggregatorRegistry.setRegistries([metrics().registry])
}

/** In the cluster primary: answer workers' scrape requests with the aggregate of all workers. */
export function serveClusterMetrics(): void {
  const aggregator = new client.AggregatorRegistry()
  cluster.on('message', (worker, msg: Request) => {
    if (msg?.type !== 'bk:metrics-request') return
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: 'bk:metrics-reply', id: msg.id, text } satisfies Reply),
      (err: Error) => worker.send({ type: 'bk:metrics-reply', id: msg.id, error: err.message } satisfies Reply),
    )
  })
}
