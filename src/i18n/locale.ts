// Picks the response language from an Accept-Language header. Only two languages exist;
// anything Chinese (zh, zh-CN, zh-Hans, zh-TW …) gets zh-CN, everything else English.
export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export const DEFAULT_LOCALE: Locale = 'en';

/** Honours q-values: `en;q=0.5, zh-CN` → zh-CN. Malformed entries are ignored, not fatal. */
export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tagRaw, ...paramsRaw] = part.trim().split(';');
    const tag = tagRaw.trim().toLowerCase();
    if (!tag) continue;
    let q = 1;
    for (const p of paramsRaw) {
      const m = /^\s*q\s*=\s*(.*?)\s*$/.exec(p);
      if (m) q = /^[0-9.]+$/.test(m[1]) ? Number(m[1]) : NaN; // a malformed weight disqualifies the entry
    }
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale: Locale | null = tag === 'zh' || tag.startsWith('zh-') ? 'zh-CN' : tag === 'en' || tag.startsWith('en-') ? 'en' : null;
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
