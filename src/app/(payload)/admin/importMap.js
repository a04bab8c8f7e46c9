import { StoryValidationPanel as StoryValidationPanel_06ec02493a17f51f7de25cc5c8f1b53c } from '@/components/StoryValidationPanel'
import { StoryAudioPanel as StoryAudioPanel_faa701eae3e775fb952d1040798dae70 } from '@/components/audio/StoryAudioPanel'
import { ListenerDashboard as ListenerDashboard_fe7cd81b76e4cfae6228694834b4c39d } from '@/components/listener/ListenerDashboard'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@/components/StoryValidationPanel#StoryValidationPanel": StoryValidationPanel_06ec02493a17f51f7de25cc5c8f1b53c,
  "@/components/audio/StoryAudioPanel#StoryAudioPanel": StoryAudioPanel_faa701eae3e775fb952d1040798dae70,
  "@/components/listener/ListenerDashboard#ListenerDashboard": ListenerDashboard_fe7cd81b76e4cfae6228694834b4c39d,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
