import { describe, expect, it } from 'vitest';
import { joinChineseLines } from './schemas.ts';

describe('joinChineseLines', () => {
  it('removes the spaces YAML folding puts between Chinese lines, keeps those between Latin words', () => {
    expect(joinChineseLines('总体平稳， 绿色建筑和生态\n环境持续向好； PM2.5 浓度 down to 25')).toBe(
      '总体平稳，绿色建筑和生态环境持续向好；PM2.5浓度down to 25',
    );
  });
});
