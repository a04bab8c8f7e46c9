import type { CollectionConfig, Field } from 'payload'

import { isEditor, isEditorField } from '@/access/isEditor'
import { readIfStoryActive } from '@/access/readIfStoryActive'
import { editorOrTranslatorForLocale } from '@/access/translatorForLocale'
import { notInBundle, recompileAfterChange, recompileAfterDelete } from '@/hooks/recompileStoryBundles'
import { rejectTranslatorStructureChange } from '@/hooks/rejectTranslatorStructureChange'
import { NODE_TYPES } from '@/domain/story/graph'
import { SLUGS } from '@/slugs'

const structure = { update: isEditorField }

const fields: Field[] = [
  { name: 'story', type: 'relationship', relationTo: SLUGS.stories, required: true, index: true, access: structure },
  {
    type: 'row',
    fields: [
      {
        name: 'nodeType',
        type: 'select',
        required: true,
        index: true,
        options: NODE_TYPES.map((t) => ({ label: t[0]!.toUpperCase() + t.slice(1), value: t })),
        access: structure,
      },
      { name: 'displayOrder', type: 'number', required: true, access: structure },
      { name: 'isStart', type: 'checkbox', defaultValue: false, access: structure },
      { name: 'isEnd', type: 'checkbox', defaultValue: false, access: structure },
    ],
  },
  {
    name: 'character',
    type: 'relationship',
    relationTo: SLUGS.characters,
    access: structure,
    filterOptions: ({ data }) => (data?.story ? { story: { equals: data.story } } : true),
  },
  { name: 'textContent', type: 'textarea', required: true, localized: true, admin: { rows: 4 } },
  { name: 'metadata', type: 'json', defaultValue: {}, access: structure, custom: notInBundle },
  { name: 'choices', type: 'join', collection: SLUGS.storyChoices, on: 'node', defaultSort: 'choiceKey' },
]

export const StoryNodes: CollectionConfig<'story-nodes'> = {
  slug: SLUGS.storyNodes,
  admin: {
    useAsTitle: 'textContent',
    defaultColumns: ['displayOrder', 'nodeType', 'textContent', 'story', 'character'],
    group: 'Stories',
  },
  defaultSort: 'displayOrder',
  access: {
    read: readIfStoryActive('story.isActive'),
    create: isEditor,
    update: editorOrTranslatorForLocale,
    delete: isEditor,
  },
  indexes: [{ fields: ['story', 'displayOrder'] }],
  hooks: {
    beforeOperation: [rejectTranslatorStructureChange(fields)],
    afterChange: [recompileAfterChange()],
    afterDelete: [recompileAfterDelete()],
  },
  fields,
}
