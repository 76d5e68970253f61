import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** zlib's level 3: on the pictures' flat colours and text, 12% smaller than resvg's PNGs in under half the time. */
const LEVEL = 3;

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const bytes = Buffer.alloc(12 + data.length);
  bytes.writeUInt32BE(data.length, 0);
  bytes.write(type, 4, 'latin1');
  bytes.set(data, 8);
  bytes.writeUInt32BE(crc32(bytes.subarray(4, 8 + data.length)), 8 + data.length);
  return bytes;
}

/**
 * The PNG bytes of an image every pixel of which is opaque, as 8-bit RGB, rows unfiltered; `undefined` when a
 * pixel is not opaque (`rgba` is premultiplied, as resvg gives it, and only opaque pixels read the same
 * unmultiplied). Why not resvg's own `asPng()`: its adaptive filters and default compression took ~30 ms of a
 * share picture's ~60 ms of drawing, on the build's critical path; the container is the only part written here,
 * the compression and checksums are Node's zlib.
 */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Uint8Array | undefined {
  const stride = width * 3 + 1;
  const rows = Buffer.allocUnsafe(stride * height);
  for (let y = 0, i = 0; y < height; y++) {
    let o = y * stride;
    rows[o++] = 0; // filter type: none
    for (let x = 0; x < width; x++, i += 4) {
      if (rgba[i + 3] !== 255) return undefined;
      rows[o++] = rgba[i]!;
      rows[o++] = rgba[i + 1]!;
      rows[o++] = rgba[i + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  // Bytes 10–12 (compression, filter method, interlace) stay 0: deflate, the standard filters, not interlaced.
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: LEVEL })),
    chunk('IEND', new Uint8Array()),
  ]);
}
