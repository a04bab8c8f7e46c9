import { z } from 'zod'

import type { AudioRule } from '@/domain/translation/status'

const schema = z.object({
  REQUIRE_APPROVAL_TO_PUBLISH: z
    .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { message: 'REQUIRE_APPROVAL_TO_PUBLISH must be true or false' })
    .default('true')
    .transform((v) => ['true', '1', 'on', 'yes'].includes(v)),
  REQUIRE_AUDIO_TO_PUBLISH: z.enum(['none', 'generated', 'approved'], { message: 'REQUIRE_AUDIO_TO_PUBLISH must be none, generated or approved' }).default('none'),
})

export type PublishSettings = { requireApproval: boolean; requireAudio: AudioRule }

/** What publishing a locale requires, from the environment (read on every call: tests change it). */
export function publishSettings(env: NodeJS.ProcessEnv = process.env): PublishSettings {
  const parsed = schema.safeParse({
    REQUIRE_APPROVAL_TO_PUBLISH: env.REQUIRE_APPROVAL_TO_PUBLISH || undefined,
    REQUIRE_AUDIO_TO_PUBLISH: env.REQUIRE_AUDIO_TO_PUBLISH || undefined,
  })
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '))
  return { requireApproval: parsed.data.REQUIRE_APPROVAL_TO_PUBLISH, requireAudio: parsed.data.REQUIRE_AUDIO_TO_PUBLISH }
}
