/** Version of the `monaco-editor` package we serve (package.json pins it); part of the asset URLs. */
export const MONACO_VERSION = '0.57.0'

export const MONACO_VS_URL = `/vendor/monaco/${MONACO_VERSION}/vs`
