/** Types for the `espeak-ng` npm package (eSpeak NG compiled to WASM with Emscripten; no types shipped). */
declare module 'espeak-ng' {
  export type ESpeakNgModuleOptions = {
    /** Command-line arguments of one espeak-ng run (it runs `main` once per instance). */
    arguments: string[]
    print?: (line: string) => void
    printErr?: (line: string) => void
    /** Called when `main` exits; replaces the default, which sets `process.exitCode`. */
    quit?: (status: number, toThrow: unknown) => void
  }
  export type ESpeakNgModule = {
    FS: {
      readFile(path: string): Uint8Array
      analyzePath(path: string): { exists: boolean }
    }
  }
  export default function ESpeakNg(options: ESpeakNgModuleOptions): Promise<ESpeakNgModule>
}
