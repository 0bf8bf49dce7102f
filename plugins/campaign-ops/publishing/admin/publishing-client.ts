/**
 * Shared by the publishing admin components (browser side): labels in the admin language, calls to the
 * publishing endpoints with their `{ errors: [{ message, field? }] }` shape, and the Casablanca
 * wall time of the reschedule input. No offset is written here: conversions go through
 * src/domain/casablanca-time (the time zone database of the browser).
 */
import { formatInCasablanca, formatUtcOffset, resolveCasablancaWallTime, toCasablancaParts } from '../../../../src/domain/casablanca-time'
import type { WallTimeResolution } from '../../../../src/domain/casablanca-time'
import type { AdminLanguage } from '../../../../src/i18n/catalogue'

export type Id = number | string

/** A label that may come localized (config) or as plain text (network names, titles). */
export function localize(value: unknown, lang: AdminLanguage): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'object') {
    const labels = value as Partial<Record<string, unknown>>
    const text = labels[lang] ?? labels.fr ?? Object.values(labels).find((entry) => typeof entry === 'string')
    return typeof text === 'string' ? text : ''
  }
  return ''
}

export const idOf = (value: unknown): Id | null => {
  if (value && typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return typeof value === 'number' || typeof value === 'string' ? value : null
}

/** Who may act on publication (the endpoints' roles), and who may switch crisis mode. */
export const publishingRoles: readonly string[] = ['admin', 'ncsc', 'cm']
export const crisisRoles: readonly string[] = ['admin', 'ncsc']

export type ApiError = { status: number; message: string; field?: string; code?: string }
export type ApiResult<T> = { ok: true; body: T; response: Response } | ({ ok: false } & ApiError)

/** The first error of a failed call, as the endpoints shape it (or the status text). */
async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string; field?: string; code?: string }[]; message?: string } | null
  const first = body?.errors?.[0]
  return {
    status: response.status,
    message: first?.message || body?.message || response.statusText || `HTTP ${response.status}`,
    field: first?.field,
    code: first?.code,
  }
}

/** A same-origin JSON call with the admin session cookie. Network failures come back as status 0. */
export async function callApi<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      credentials: 'include',
      headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    })
    if (!response.ok) return { ok: false, ...(await errorOf(response)) }
    return { ok: true, body: (await response.json()) as T, response }
  } catch (failure) {
    if (init.signal?.aborted) throw failure
    return { ok: false, status: 0, message: failure instanceof Error ? failure.message : String(failure) }
  }
}

/** Downloads a file answer (the ready-to-post kit) under the name the server gives it. */
export async function downloadFile(url: string, fallbackName: string): Promise<ApiResult<null>> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'include' })
  } catch (failure) {
    return { ok: false, status: 0, message: failure instanceof Error ? failure.message : String(failure) }
  }
  if (!response.ok) return { ok: false, ...(await errorOf(response)) }
  const blob = await response.blob()
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1]
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1]
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName)
  const objectUrl = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = objectUrl
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000)
  return { ok: true, body: null, response }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** The value of a `datetime-local` input showing this instant in Casablanca: "2026-03-01T14:30". */
export function casablancaInputValue(date: Date | string): string {
  const parts = toCasablancaParts(date)
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`
}

/**
 * Reads a `datetime-local` value as a Casablanca wall time. Clock changes are resolved by
 * casablanca-time (a skipped time moves forward, a repeated one takes the first instant).
 */
export function parseCasablancaInput(value: string): (WallTimeResolution & { offset: string }) | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)))
  try {
    const resolution = resolveCasablancaWallTime({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! })
    return { ...resolution, offset: `UTC${formatUtcOffset(toCasablancaParts(resolution.utc).offsetMinutes)}` }
  } catch {
    return null
  }
}

/** "15/02/2026 14:30, UTC+00:00": formatInCasablanca for use inside parentheses. */
export function casablancaStamp(date: Date | string, lang: AdminLanguage): string {
  const comma = lang === 'ar' ? '، ' : ', '
  return formatInCasablanca(date, lang).replace(/ \(([^()]*)\)$/, (_, offset: string) => `${comma}${offset}`)
}

/** Crisis mode as `GET /api/publishing/crisis` and the queue return it. */
export type CrisisUser = { id: Id; name?: string | null; email?: string | null }
export type CrisisState = {
  active: boolean
  reason: string | null
  changedAt: string | null
  changedBy: CrisisUser | Id | null
  heldVariants?: number
}

export function normalizeCrisis(body: unknown): CrisisState | null {
  if (!body || typeof body !== 'object') return null
  const value = body as Partial<CrisisState>
  return {
    active: Boolean(value.active),
    reason: typeof value.reason === 'string' ? value.reason : null,
    changedAt: typeof value.changedAt === 'string' ? value.changedAt : null,
    changedBy: (value.changedBy ?? null) as CrisisState['changedBy'],
    ...(typeof value.heldVariants === 'number' ? { heldVariants: value.heldVariants } : {}),
  }
}

export function crisisActorName(changedBy: CrisisState['changedBy']): string | null {
  if (changedBy === null || changedBy === undefined) return null
  if (typeof changedBy === 'object') return changedBy.name || changedBy.email || `#${changedBy.id}`
  return `#${changedBy}`
}

/** Tells the banner and the other controls of this tab that crisis mode was switched. */
export const crisisChangedEvent = 'badil:crisis-changed'

export function announceCrisisChange(state: CrisisState) {
  window.dispatchEvent(new CustomEvent<CrisisState>(crisisChangedEvent, { detail: state }))
}

export function onCrisisChange(listener: (state: CrisisState) => void): () => void {
  const handler = (event: Event) => {
    const state = normalizeCrisis((event as CustomEvent<CrisisState>).detail)
    if (state) listener(state)
  }
  window.addEventListener(crisisChangedEvent, handler)
  return () => window.removeEventListener(crisisChangedEvent, handler)
}
