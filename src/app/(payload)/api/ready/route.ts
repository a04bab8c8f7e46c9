import { nextRoute } from '@/http/nextRoute'

export const dynamic = 'force-dynamic'

export const GET = nextRoute('ready')
