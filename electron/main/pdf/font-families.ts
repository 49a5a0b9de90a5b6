/**
 * The fonts an invoice is drawn with, in the order a character looks for one. Noto Sans draws
 * Latin, Greek and Cyrillic; each fallback is parsed only when a document has a character that
 * no font before it can draw (`font-ranges.ts`, generated from these files by
 * `scripts/font-coverage.ts`), so a Latin-only PDF never reads the 10 MB CJK files.
 *
 * Symbols and maths come before CJK: the CJK fonts also draw arrows, stars and ticks, and
 * loading 10 MB for one arrow would make that PDF slow to render.
 *
 * Only these weights ship (electron-builder.yml). A family without a bold file draws bold text
 * in its regular weight: symbols and emoji are not worth 1–6 MB each for a bolder stroke.
 * Japanese kana and kanji come from Noto Sans SC (it has every kana; Noto Sans JP would add only
 * 406 rare variant kanji for another 11 MB).
 */
export const FONT_FAMILIES = [
  { key: 'latin', regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', bold: '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf' },
  { key: 'hebrew', regular: '@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf', bold: '@expo-google-fonts/noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf' },
  { key: 'arabic', regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf', bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf' },
  { key: 'devanagari', regular: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf', bold: '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf' },
  { key: 'thai', regular: '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf', bold: '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf' },
  { key: 'symbols', regular: '@expo-google-fonts/noto-sans-symbols/400Regular/NotoSansSymbols_400Regular.ttf', bold: null },
  { key: 'symbols2', regular: '@expo-google-fonts/noto-sans-symbols-2/400Regular/NotoSansSymbols2_400Regular.ttf', bold: null },
  { key: 'math', regular: '@expo-google-fonts/noto-sans-math/400Regular/NotoSansMath_400Regular.ttf', bold: null },
  { key: 'cjk', regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
  { key: 'korean', regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf', bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf' },
  { key: 'emoji', regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf', bold: null },
] as const satisfies readonly { key: string; regular: string; bold: string | null }[];

export type FontFamily = (typeof FONT_FAMILIES)[number]['key'];

/** The family a character with emoji presentation tries first, so ✅ is the emoji, not a text dingbat. */
export const EMOJI_FAMILY: FontFamily = 'emoji';
