export const LOCALES = ['en', 'ar'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/**
 * Picks the best supported locale from an Accept-Language header (RFC 9110 §12.5.4).
 * Quality values are honoured; region subtags (`ar-SA`) match their language; anything else falls back to English.
 */
export function resolveLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE
  let best: { locale: Locale; quality: number } | undefined
  for (const part of acceptLanguage.slice(0, 256).split(',')) {
    const [tag = '', ...params] = part.trim().split(';')
    const language = tag.trim().toLowerCase().split('-')[0]
    const locale = LOCALES.find((l) => l === language)
    if (!locale) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const quality = q === undefined ? 1 : Number(q.slice(2))
    if (!Number.isFinite(quality) || quality <= 0) continue
    if (!best || quality > best.quality) best = { locale, quality }
  }
  return best?.locale ?? DEFAULT_LOCALE
}

export type Localized<T = string> = Record<Locale, T>

/** Picks the text for a locale from a legacy `_Ar`/`_En` pair, falling back to the other language when one is empty. */
export function pickLocalized(pair: { ar: string | null; en: string | null }, locale: Locale): string | null {
  const preferred = locale === 'ar' ? pair.ar : pair.en
  const fallback = locale === 'ar' ? pair.en : pair.ar
  return preferred && preferred.trim() !== '' ? preferred : fallback && fallback.trim() !== '' ? fallback : null
}

/** Both texts of a legacy `_Ar`/`_En` pair, with empty or whitespace-only text as `null`. */
export function localizedPair(pair: { ar: string | null; en: string | null }): Localized<string | null> {
  const text = (value: string | null) => (value && value.trim() !== '' ? value : null)
  return { en: text(pair.en), ar: text(pair.ar) }
}
