import * as migration_20261125_232848_initial from './20261125_232848_initial';
import * as migration_20261125_233000_spec_constraints from './20261125_233000_spec_constraints';
import * as migration_20261126_000608_story_bundles from './20261126_000608_story_bundles';
import * as migration_20261126_001155_audio_generation from './20261126_001155_audio_generation';
import * as migration_20261126_003114_listener_api from './20261126_003114_listener_api';
import * as migration_20261126_003200_analytics_partitions from './20261126_003200_analytics_partitions';
import * as migration_20261130_100000_bundle_format_version from './20261130_100000_bundle_format_version';
import * as migration_20261130_104500_translation_workspace from './20261130_104500_translation_workspace';
import * as migration_20261130_111900_audio_loudness_lexicon from './20261130_111900_audio_loudness_lexicon';
import * as migration_20261130_113024_studio_edited_by from './20261130_113024_studio_edited_by';
import * as migration_20261130_121701_shared_rate_limits from './20261130_121701_shared_rate_limits';
import * as migration_20261130_134515_spoken_choices from './20261130_134515_spoken_choices';
import * as migration_20261130_160000_audio_synthesis_spool from './20261130_160000_audio_synthesis_spool';
import * as migration_20261130_161651_audio_review_voice_cast from './20261130_161651_audio_review_voice_cast';
import * as migration_20261130_183636_audio_line_voice from './20261130_183636_audio_line_voice';
import * as migration_20261130_190028_provider_dictionaries from './20261130_190028_provider_dictionaries';
import * as migration_20261201_170000_bundle_cast_speakers from './20261201_170000_bundle_cast_speakers';
import * as migration_20261201_211800_voice_cast_model from './20261201_211800_voice_cast_model';
import * as migration_20261201_213120_bundle_voices from './20261201_213120_bundle_voices';

export const migrations = [
  {
    up: migration_20261125_232848_initial.up,
    down: migration_20261125_232848_initial.down,
    name: '20261125_232848_initial',
  },
  {
    up: migration_20261125_233000_spec_constraints.up,
    down: migration_20261125_233000_spec_constraints.down,
    name: '20261125_233000_spec_constraints',
  },
  {
    up: migration_20261126_000608_story_bundles.up,
    down: migration_20261126_000608_story_bundles.down,
    name: '20261126_000608_story_bundles',
  },
  {
    up: migration_20261126_001155_audio_generation.up,
    down: migration_20261126_001155_audio_generation.down,
    name: '20261126_001155_audio_generation',
  },
  {
    up: migration_20261126_003114_listener_api.up,
    down: migration_20261126_003114_listener_api.down,
    name: '20261126_003114_listener_api',
  },
  {
    up: migration_20261126_003200_analytics_partitions.up,
    down: migration_20261126_003200_analytics_partitions.down,
    name: '20261126_003200_analytics_partitions',
  },
  {
    up: migration_20261130_100000_bundle_format_version.up,
    down: migration_20261130_100000_bundle_format_version.down,
    name: '20261130_100000_bundle_format_version',
  },
  {
    up: migration_20261130_104500_translation_workspace.up,
    down: migration_20261130_104500_translation_workspace.down,
    name: '20261130_104500_translation_workspace',
  },
  {
    up: migration_20261130_111900_audio_loudness_lexicon.up,
    down: migration_20261130_111900_audio_loudness_lexicon.down,
    name: '20261130_111900_audio_loudness_lexicon',
  },
  {
    up: migration_20261130_113024_studio_edited_by.up,
    down: migration_20261130_113024_studio_edited_by.down,
    name: '20261130_113024_studio_edited_by',
  },
  {
    up: migration_20261130_121701_shared_rate_limits.up,
    down: migration_20261130_121701_shared_rate_limits.down,
    name: '20261130_121701_shared_rate_limits',
  },
  {
    up: migration_20261130_134515_spoken_choices.up,
    down: migration_20261130_134515_spoken_choices.down,
    name: '20261130_134515_spoken_choices',
  },
  {
    up: migration_20261130_160000_audio_synthesis_spool.up,
    down: migration_20261130_160000_audio_synthesis_spool.down,
    name: '20261130_160000_audio_synthesis_spool',
  },
  {
    up: migration_20261130_161651_audio_review_voice_cast.up,
    down: migration_20261130_161651_audio_review_voice_cast.down,
    name: '20261130_161651_audio_review_voice_cast',
  },
  {
    up: migration_20261130_183636_audio_line_voice.up,
    down: migration_20261130_183636_audio_line_voice.down,
    name: '20261130_183636_audio_line_voice',
  },
  {
    up: migration_20261130_190028_provider_dictionaries.up,
    down: migration_20261130_190028_provider_dictionaries.down,
    name: '20261130_190028_provider_dictionaries',
  },
  {
    up: migration_20261201_170000_bundle_cast_speakers.up,
    down: migration_20261201_170000_bundle_cast_speakers.down,
    name: '20261201_170000_bundle_cast_speakers',
  },
  {
    up: migration_20261201_211800_voice_cast_model.up,
    down: migration_20261201_211800_voice_cast_model.down,
    name: '20261201_211800_voice_cast_model',
  },
  {
    up: migration_20261201_213120_bundle_voices.up,
    down: migration_20261201_213120_bundle_voices.down,
    name: '20261201_213120_bundle_voices',
  },
];
