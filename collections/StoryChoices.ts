import type { CollectionConfig, Field } from 'payload'

import { isEditor, isEditorField } from '@/access/isEditor'
import { readIfStoryActive } from '@/access/readIfStoryActive'
import { editorOrTranslatorForLocale } from '@/access/translatorForLocale'
import { deriveStoryFromNode } from '@/hooks/deriveStoryFromNode'
import { recompileAfterChange, recompileAfterDelete } from '@/hooks/recompileStoryBundles'
import { rejectTranslatorStructureChange } from '@/hooks/rejectTranslatorStructureChange'
import { SLUGS } from '@/slugs'

const structure = { update: isEditorField }

const fields: Field[] = [
  { name: 'node', type: 'relationship', relationTo: SLUGS.storyNodes, required: true, index: true, access: structure },
  {
    name: 'story',
    type: 'relationship',
    relationTo: SLUGS.stories,
    index: true,
    access: structure,
    admin: { readOnly: true, description: 'Set from the node.' },
  },
  {
    type: 'row',
    fields: [
      { name: 'choiceKey', type: 'text', required: true, maxLength: 10, access: structure, admin: { description: "'A', 'B', 'C'" } },
      { name: 'isDefault', type: 'checkbox', defaultValue: false, access: structure },
    ],
  },
  { name: 'textContent', type: 'textarea', required: true, localized: true },
  {
    name: 'nextNode',
    type: 'relationship',
    relationTo: SLUGS.storyNodes,
    index: true,
    access: structure,
    filterOptions: ({ data }) => (data?.story ? { story: { equals: data.story } } : true),
  },
  { name: 'metadata', type: 'json', defaultValue: {}, access: structure },
]

export const StoryChoices: CollectionConfig<'story-choices'> = {
  slug: SLUGS.storyChoices,
  admin: { useAsTitle: 'textContent', defaultColumns: ['choiceKey', 'textContent', 'node', 'nextNode', 'isDefault'], group: 'Stories' },
  access: {
    read: readIfStoryActive('story.isActive'),
    create: isEditor,
    update: editorOrTranslatorForLocale,
    delete: isEditor,
  },
  indexes: [{ fields: ['node', 'choiceKey'], unique: true }],
  hooks: {
    beforeOperation: [rejectTranslatorStructureChange(fields)],
    afterChange: [recompileAfterChange()],
    afterDelete: [recompileAfterDelete()],
    beforeChange: [deriveStoryFromNode],
  },
  fields,
}
