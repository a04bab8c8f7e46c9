/** The parts of the `xliff` package (locize/xliff, no bundled types) that the translation files use. */
declare module 'xliff/js2xliff' {
  type Unit = { source: string; target?: string; note?: string }
  export default function js2xliff(js: { resources: Record<string, Record<string, Unit>>; sourceLanguage: string; targetLanguage: string }): Promise<string>
}
declare module 'xliff/xliff2js' {
  export default function xliff2js(xml: string): Promise<{
    sourceLanguage?: string
    targetLanguage?: string
    resources?: Record<string, Record<string, { source?: unknown; target?: unknown; note?: unknown }>>
  }>
}
