import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { rangeIndex } from '../../../shared/text/printable';
import { FONT_FAMILIES, type FontFamily } from './font-families';
import { FONT_RANGES } from './font-ranges';

const require = createRequire(import.meta.url);

/** A family and weight: 'latin', 'latin-bold', 'arabic', 'emoji' (a family without a bold file has one role). */
export type FontRole = FontFamily | `${FontFamily}-bold`;
export type LoadedFont = fontkit.Font;

const cache = new Map<FontRole, LoadedFont>();
const MAX_CACHED_RUNS = 20_000;

type DecodableGlyph = fontkit.Glyph & { _decode(): unknown };

/**
 * OpenType shaping (kerning, ligatures) of each word was most of a document's rendering time,
 * and pdfkit keeps its shaping cache per document. This font remembers shaped runs across
 * documents. pdfkit scales a run's positions in place, so each caller gets fresh positions.
 * Embedding a subset also re-decoded every glyph's outline for every PDF; a static font's
 * outlines never change, so each glyph keeps its decoded form.
 */
function withSharedLayoutCache(base: LoadedFont): LoadedFont {
  const decodedOnce = new WeakSet<fontkit.Glyph>();
  const runs = new Map<string, fontkit.GlyphRun>();
  const shared = Object.create(base) as LoadedFont;
  shared.layout = ((text: string, features?: unknown) => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_CACHED_RUNS) runs.clear();
      run = base.layout(text, features as string[] | undefined);
      runs.set(key, run);
    }
    // The copy keeps GlyphRun's getters (advanceWidth sums the copied positions).
    const copy = Object.create(run) as fontkit.GlyphRun;
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  }) as LoadedFont['layout'];
  shared.getGlyph = ((id: number, codePoints?: number[]) => {
    const glyph = base.getGlyph(id, codePoints) as DecodableGlyph;
    if (!decodedOnce.has(glyph)) {
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode();
          done = true;
        }
        return decoded;
      };
      decodedOnce.add(glyph);
    }
    return glyph;
  }) as LoadedFont['getGlyph'];
  return shared;
}

const FILES = new Map<FontRole, string>(
  FONT_FAMILIES.flatMap((f): [FontRole, string][] => (f.bold ? [[f.key, f.regular], [`${f.key}-bold`, f.bold]] : [[f.key, f.regular]])),
);

/**
 * Parsed once per process, and only when first needed: parsing a font per document cost 60 ms,
 * and a Latin-only document never reads the CJK, Korean or emoji files at all.
 */
export function font(role: FontRole): LoadedFont {
  let loaded = cache.get(role);
  if (!loaded) {
    loaded = withSharedLayoutCache(fontkit.create(fs.readFileSync(require.resolve(FILES.get(role)!))) as LoadedFont);
    cache.set(role, loaded);
  }
  return loaded;
}

/** The roles parsed so far in this process (for tests of lazy loading). */
export function loadedRoles(): FontRole[] {
  return [...cache.keys()];
}

/** The role drawing `family` in the weight asked for, or its regular weight when it ships no bold. */
export function roleOf(family: FontFamily, bold: boolean): FontRole {
  return bold && FILES.has(`${family}-bold`) ? `${family}-bold` : family;
}

/** The family that draws a code point (generated from the fonts), or null when none can. */
export function familyOf(cp: number): FontFamily | null {
  const i = rangeIndex(FONT_RANGES, 3, cp);
  return i < 0 ? null : FONT_FAMILIES[FONT_RANGES[i * 3 + 2]!]!.key;
}

export interface TextRun {
  text: string;
  role: FontRole;
}

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * Splits one line of text into runs, each drawn by one font: the first font in
 * FONT_FAMILIES order that has the character (emoji first for emoji-presentation characters).
 * A joiner or variation selector stays in the run before it when that font has it (Arabic
 * joining, emoji sequences) and is otherwise dropped, since it draws nothing. A character no
 * font has (only possible in text stored before input was checked) is drawn by Noto Sans as
 * its empty box. Tabs are drawn as spaces. Only the fonts the runs name are ever loaded.
 */
export function textRuns(text: string, bold = false): TextRun[] {
  const runs: TextRun[] = [];
  for (let ch of text) {
    if (ch === '\t') ch = ' ';
    const cp = ch.codePointAt(0)!;
    const last = runs.at(-1);
    const family = familyOf(cp);
    if (family === null && IGNORABLE.test(ch)) {
      if (last && font(last.role).hasGlyphForCodePoint(cp)) last.text += ch;
      continue;
    }
    const role = roleOf(family ?? 'latin', bold);
    if (last && last.role === role) last.text += ch;
    else runs.push({ text: ch, role });
  }
  return runs;
}
