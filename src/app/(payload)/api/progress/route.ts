import { nextRoute } from '@/http/nextRoute'

export const GET = nextRoute('progressList')
