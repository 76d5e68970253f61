import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

import * as hb from 'harfbuzzjs';

/**
 * The pictures' fonts: Noto Sans CJK SC, regular and bold, from the system's fonts-noto-cjk (the fonts Chromium
 * draws the pages and PDF with on this machine), cut down with HarfBuzz to the characters the build's pictures
 * use. One small font per weight: resvg shapes a line with the whole 17 MB collection in ~40 ms, and with the
 * web fonts' hundred Unicode-range slices it falls back to any slice for a character, bold or not.
 */
export const PICTURE_FAMILY = 'Noto Sans CJK SC';

/** Where Linux distributions put the Noto CJK collections (Debian/Ubuntu fonts-noto-cjk, Fedora, Arch). */
const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/google-noto-sans-cjk-fonts',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/truetype/noto',
];
const WEIGHTS = { regular: 'NotoSansCJK-Regular.ttc', bold: 'NotoSansCJK-Bold.ttc' } as const;

export class PictureFontsMissing extends Error {}

/** The collection file of a weight, or a PictureFontsMissing naming where it was looked for. */
function collection(name: string): string {
  for (const dir of FONT_DIRS) if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  throw new PictureFontsMissing(name);
}

/** The two collections' files and sizes: what decides the glyphs drawn, for the pictures' cache key. */
export function pictureFontsIdentity(): string {
  return Object.values(WEIGHTS)
    .map((name) => {
      const file = collection(name);
      // Its size, not its 17 MB of bytes read each build.
      return `${file}:${statSync(file).size}`;
    })
    .join('|');
}

interface Subsetter {
  subset(codepoints: readonly number[]): Uint8Array;
  covers: (codepoint: number) => boolean;
}

/** HarfBuzz's subsetter (its own WebAssembly build, as harfbuzzjs ships it) over one face of a collection. */
async function subsetter(file: string): Promise<Subsetter> {
  const bytes = readFileSync(file);
  // The face of the collection that is Simplified Chinese, found by its family name, and what it covers.
  const blob = new hb.Blob(bytes);
  let index = 0;
  for (; index < 32; index++) {
    const face = new hb.Face(blob, index);
    if (face.getName(1, 'en') === PICTURE_FAMILY) break;
  }
  if (index === 32) throw new PictureFontsMissing(file);
  const covered = new Set(new hb.Face(blob, index).collectUnicodes());

  const require = createRequire(import.meta.url);
  const { instance } = await WebAssembly.instantiate(
    readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')),
  );
  const x = instance.exports as unknown as HarfBuzzSubset;
  x._initialize();
  const at = x.malloc(bytes.length);
  new Uint8Array(x.memory.buffer).set(bytes, at);
  const HB_MEMORY_MODE_WRITABLE = 2;
  const fontBlob = x.hb_blob_create(at, bytes.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = x.hb_face_create(fontBlob, index);
  x.hb_blob_destroy(fontBlob);
  return {
    covers: (codepoint) => covered.has(codepoint),
    subset(codepoints) {
      const input = x.hb_subset_input_create_or_fail();
      const unicodes = x.hb_subset_input_unicode_set(input);
      for (const c of codepoints) x.hb_set_add(unicodes, c);
      const cut = x.hb_subset_or_fail(face, input);
      x.hb_subset_input_destroy(input);
      if (cut === 0) throw new Error(`HarfBuzz could not subset ${file}`);
      const result = x.hb_face_reference_blob(cut);
      const data = x.hb_blob_get_data(result, 0);
      // Copied out: the WebAssembly memory is reused (and may grow, detaching any view of it).
      const font = new Uint8Array(x.memory.buffer).slice(data, data + x.hb_blob_get_length(result));
      x.hb_blob_destroy(result);
      x.hb_face_destroy(cut);
      return font;
    },
  };
}

/** The exports of harfbuzz-subset.wasm the subsetting uses (HarfBuzz's C API; pointers are numbers). */
interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

let subsetters: Promise<Subsetter[]> | undefined;

/**
 * The regular and bold fonts cut to `text`'s characters (OpenType bytes, in that order), and the characters the
 * fonts do not have: a picture would draw them as nothing.
 */
export async function pictureFonts(text: string): Promise<{ fonts: Uint8Array[]; missing: string[] }> {
  subsetters ??= Promise.all(Object.values(WEIGHTS).map((name) => subsetter(collection(name))));
  const [regular, bold] = await subsetters;
  const codepoints = [...new Set(text)].map((c) => c.codePointAt(0)!).filter((c) => c >= 0x20);
  const missing = codepoints.filter((c) => !regular!.covers(c)).map((c) => String.fromCodePoint(c));
  return { fonts: [regular!.subset(codepoints), bold!.subset(codepoints)], missing };
}
