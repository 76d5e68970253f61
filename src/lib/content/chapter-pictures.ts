import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname, join, posix } from 'node:path';

import { imageSize } from 'image-size';

import { diagnostics } from '../site/messages/index.ts';
import { symlinkOnPath } from './site-paths.ts';

/**
 * The pictures a chapter may show, by the type its bytes say it is (never by its name alone): raster
 * formats every browser draws and that carry no script. SVG is refused — it can hold script and links,
 * and sanitising it would be one more parser between an editor's file and a reader's browser.
 */
export const PICTURE_TYPES: Readonly<Record<string, readonly string[]>> = {
  png: ['.png'],
  jpg: ['.jpg', '.jpeg'],
  gif: ['.gif'],
  webp: ['.webp'],
  avif: ['.avif'],
};

/**
 * Bounds on one picture: a photo from a phone is about 4000 × 3000 px and a few MB. Beyond these a
 * page and the PDF printer spend seconds to minutes decoding what a reader cannot see anyway.
 */
export const PICTURE_LIMITS = { bytes: 10 * 1024 * 1024, side: 8000, pixels: 40_000_000 } as const;

export interface PictureProblem {
  message: string;
  hint?: string;
}

/**
 * What the written address of a picture says before any file is looked at: a path relative to the
 * chapter (inside its edition folder), never a web address, `data:` URL, site path or a way up.
 * Returns the path inside the edition folder, or the problem.
 */
export function picturePath(url: string): { path: string } | PictureProblem {
  const d = diagnostics().pictures;
  // Browsers ignore control characters and spaces inside a scheme: so does this check.
  const compact = [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');
  if (/^[a-z][a-z0-9+.-]*:/i.test(compact) || compact.startsWith('//'))
    return { message: d.notLocal(url), hint: d.hint };
  if (compact.startsWith('/') || compact.includes('\\') || /[?#]/.test(compact))
    return { message: d.notRelative(url), hint: d.hint };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return { message: d.notRelative(url), hint: d.hint };
  }
  const path = posix.normalize(decoded);
  if (path === '..' || path.startsWith('../') || path === '.' || path.includes('\0'))
    return { message: d.outsideEdition(url), hint: d.hint };
  return { path };
}

/**
 * The picture at `path` inside `editionDir`, checked as the build will meet it: every folder on the way
 * and the file itself are real (no symbolic link, which could lead out of the site or to a program), the
 * file is within the size bounds, its bytes are one of PICTURE_TYPES matching its ending, and its
 * dimensions are bounded. Opened without following links, so what is checked is what is read.
 */
export function pictureFileProblem(editionDir: string, path: string, url: string): PictureProblem | null {
  const d = diagnostics().pictures;
  if (!declaredType(path)) return { message: d.notPicture(url), hint: d.hint };
  if (symlinkOnPath(editionDir, path)) return { message: d.symlink(url), hint: d.symlinkHint };
  let fd: number;
  try {
    fd = openSync(join(editionDir, path), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return { message: d.missing(url), hint: d.hint };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { message: d.notPicture(url), hint: d.hint };
    if (stat.size > PICTURE_LIMITS.bytes)
      return { message: d.tooLarge(url, stat.size, PICTURE_LIMITS.bytes), hint: d.sizeHint };
    const bytes = new Uint8Array(stat.size);
    readSync(fd, bytes, 0, stat.size, 0);
    return pictureBytesProblem(bytes, path, url);
  } finally {
    closeSync(fd);
  }
}

/** The picture type a file's ending names, or undefined. */
const declaredType = (path: string) =>
  Object.entries(PICTURE_TYPES).find(([, endings]) => endings.includes(extname(path).toLowerCase()))?.[0];

/**
 * The bytes of a picture named `path`: within the size bound, one of PICTURE_TYPES matching the ending,
 * bounded dimensions. Used on a file's bytes and on pictures not yet written (import-chapter's).
 */
export function pictureBytesProblem(bytes: Uint8Array, path: string, url: string): PictureProblem | null {
  const d = diagnostics().pictures;
  const declared = declaredType(path);
  if (!declared) return { message: d.notPicture(url), hint: d.hint };
  if (bytes.length > PICTURE_LIMITS.bytes)
    return { message: d.tooLarge(url, bytes.length, PICTURE_LIMITS.bytes), hint: d.sizeHint };
  let size: { type?: string; width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return { message: d.notPicture(url), hint: d.hint };
  }
  const found = size.type === 'jpeg' ? 'jpg' : size.type;
  if (!found || !PICTURE_TYPES[found]) return { message: d.notPicture(url), hint: d.hint };
  if (found !== declared) return { message: d.wrongEnding(url, PICTURE_TYPES[found]![0]!), hint: d.wrongEndingHint };
  const { width = 0, height = 0 } = size;
  if (width > PICTURE_LIMITS.side || height > PICTURE_LIMITS.side || width * height > PICTURE_LIMITS.pixels)
    return { message: d.tooManyPixels(url, width, height, PICTURE_LIMITS), hint: d.sizeHint };
  return null;
}
