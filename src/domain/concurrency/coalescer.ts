/**
 * Runs a task at most once at a time per key, folding the requests that arrive while it runs into
 * one more run: n requests for a key that arrive together cost two runs, not n, and every request
 * settles with a run that started after it was made (so the run saw whatever the caller had done
 * before asking). What the requests ask for is folded by `merge` (e.g. "these locales" and "those
 * locales" into "all of them").
 *
 * A run that fails rejects the requests it was serving; requests queued behind it still get their
 * own run. Nothing is kept once a key has no run in flight.
 */
export class Coalescer<Key, Ask> {
  private readonly flights = new Map<Key, { running: Promise<void>; queued?: { ask: Ask; done: Promise<void> } }>()

  constructor(
    private readonly run: (key: Key, ask: Ask) => Promise<void>,
    private readonly merge: (a: Ask, b: Ask) => Ask,
  ) {}

  request(key: Key, ask: Ask): Promise<void> {
    const flight = this.flights.get(key)
    if (!flight) return this.start(key, ask)
    if (flight.queued) {
      flight.queued.ask = this.merge(flight.queued.ask, ask)
      return flight.queued.done
    }
    const queued = { ask, done: Promise.resolve() }
    // After the run in flight settles, however it settles: this run serves every request folded in.
    queued.done = flight.running.then(
      () => this.start(key, queued.ask, true),
      () => this.start(key, queued.ask, true),
    )
    flight.queued = queued
    return queued.done
  }

  /** Whether a run for `key` is in flight (for tests and diagnostics). */
  busy(key: Key): boolean {
    return this.flights.has(key)
  }

  private start(key: Key, ask: Ask, fromQueue = false): Promise<void> {
    const flight = this.flights.get(key)
    const running = Promise.resolve().then(() => this.run(key, ask))
    const settled = running.then(
      () => this.settle(key, running),
      () => this.settle(key, running),
    )
    void settled
    if (fromQueue && flight) {
      flight.running = running
      flight.queued = undefined
    } else {
      this.flights.set(key, { running })
    }
    return running
  }

  private settle(key: Key, running: Promise<void>): void {
    const flight = this.flights.get(key)
    // Done with this key unless a request queued behind this run (its run replaces this one).
    if (flight && flight.running === running && !flight.queued) this.flights.delete(key)
  }
}
