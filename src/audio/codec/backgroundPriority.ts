import os from 'node:os'

/**
 * The nice value of the audio pipeline's CPU work: the encode threads and the espeak-ng helper
 * (whose espeak-ng runs inherit it). Voicing is background work; the same process (the in-server
 * worker of `npm run dev` and `npm start`) or the same machine also answers editors and apps, whose
 * requests must not wait behind it. On two cores, encoding at the same priority as the event loop
 * left a story's bundle recompile (and the lock it holds) 10x slower while a story was voiced.
 * Niceness only matters when the CPU is contended: alone, voicing runs as fast as before.
 */
export const AUDIO_NICE = 10

/**
 * Lowers the priority of the calling thread (on Linux a thread is a task of its own: with pid 0,
 * setpriority changes the calling thread only) or of process `pid`. Never raises it, and a refusal
 * (a platform without it, a container that forbids it) leaves the priority as it is.
 */
export function lowerPriority(pid = 0, nice = AUDIO_NICE): void {
  try {
    if (os.getPriority(pid) < nice) os.setPriority(pid, nice)
  } catch {
    // Priority is a courtesy to the requests: without it voicing still works.
  }
}
