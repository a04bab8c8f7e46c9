import type { Field, Plugin } from 'payload'

const FIELD = '@/components/admin/OfflineJsonField#OfflineJsonField'

function withOfflineEditor(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'json' && !field.admin?.components?.Field) {
      return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: FIELD } } }
    }
    if (field.type === 'row' || field.type === 'collapsible' || field.type === 'group' || field.type === 'array') return { ...field, fields: withOfflineEditor(field.fields) } as Field
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withOfflineEditor(tab.fields) })) }
    return field
  })
}

/**
 * The admin works offline: every JSON field uses Payload's own JSON editor with Monaco served by
 * our server (`/vendor/monaco/…`, src/app/(vendor)) instead of Payload's default public CDN.
 */
export const offlineCodeEditorPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({ ...collection, fields: withOfflineEditor(collection.fields) })),
  globals: (config.globals ?? []).map((global) => ({ ...global, fields: withOfflineEditor(global.fields) })),
})
