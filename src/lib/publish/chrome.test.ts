import { describe, expect, it } from 'vitest';

import { dottedVersion } from './chrome.ts';

describe('dottedVersion', () => {
  it('reads the version a browser says, as the launched browser reports it', () => {
    expect(dottedVersion('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)\n')).toBe('156.0.8078.114');
    expect(dottedVersion('Google Chrome 140.0.7339.80 \n')).toBe('140.0.7339.80');
  });

  it('is undefined when the program says no version', () => {
    expect(dottedVersion('')).toBeUndefined();
    expect(dottedVersion('chromium: unknown option 1.2.3')).toBeUndefined();
  });
});
