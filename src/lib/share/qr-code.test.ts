import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';

import { qrCodeSvg } from './qr-code.ts';

/** Draws a QR code as a picture would show it and reads it back with a decoder, as a phone's camera does. */
const readBack = (text: string, size: number) => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size + 40}" height="${size + 40}"><rect width="100%" height="100%" fill="#fff"/>${qrCodeSvg(text, 20, 20, size)}</svg>`;
  const image = new Resvg(svg).render();
  return jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height)?.data;
};

describe('qrCodeSvg', () => {
  it.each([
    'https://quality.example.gov.cn/editions/2024/',
    'https://scjgj.dongtou.gov.cn/dongtou/editions/2020/product-quality/#chart-breakdown-spot_checks_by_category',
    'https://example.gov.cn/%E8%B4%A8%E9%87%8F/indicators/spot_check_pass_rate/',
  ])('reads back as %s at the size pictures print it', (url) => {
    expect(readBack(url, 200)).toBe(url);
  });

  it('is the same markup for the same address (pictures keep their bytes between builds)', () => {
    expect(qrCodeSvg('https://a.example/', 0, 0, 100)).toBe(qrCodeSvg('https://a.example/', 0, 0, 100));
  });
});
