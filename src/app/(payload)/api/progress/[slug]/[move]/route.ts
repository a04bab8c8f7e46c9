import { nextRoute } from '@/http/nextRoute'

export const POST = nextRoute('progressMove')
