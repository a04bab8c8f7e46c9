/**
 * Things to release when the process stops (SIGTERM): pools, the LISTEN connection, the in-server
 * audio worker. Modules register them where they start them; the server (src/server) runs them
 * after it stopped accepting and its in-flight requests finished. The list lives on globalThis:
 * route handlers (bundled by Next) and the server (loaded by tsx) see the same one.
 */
type Hook = { name: string; run: () => Promise<unknown> | unknown }

const KEY = Symbol.for('bhasha-kahani.shutdownHooks')
const hooks = (): Hook[] => ((globalThis as { [KEY]?: Hook[] })[KEY] ??= [])

export function onShutdown(name: string, run: Hook['run']): void {
  hooks().push({ name, run })
}

/** Runs every hook, newest first (what started last stops first); a failing hook does not stop the rest. */
export async function runShutdownHooks(log: (msg: string) => void = console.error): Promise<void> {
  const list = hooks().splice(0).reverse()
  for (const hook of list) {
    try {
      await hook.run()
    } catch (err) {
      log(`[shutdown] ${hook.name} failed: ${(err as Error).message}`)
    }
  }
}
