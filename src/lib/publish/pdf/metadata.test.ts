import { describe, expect, it } from 'vitest';

import { editionPdfMetadata } from './metadata.ts';

const edition = { year: 2024, title: '2024年质量状况白皮书', summary: '全年质量总体向好。', published: '2025-03-15' };
const publisher = {
  agency: '某区市场监督管理局',
  region: '某区',
  domains: ['产品质量', '工程质量'],
  language: 'zh-CN',
};

describe('editionPdfMetadata', () => {
  const meta = editionPdfMetadata(edition, publisher);

  it('describes the edition by its title, summary and publisher', () => {
    expect(meta).toMatchObject({ title: edition.title, subject: edition.summary, author: publisher.agency });
    expect(meta.creator).toBe('质量状况白皮书发布系统');
  });

  it('takes language and keywords from the site, with the year of the edition', () => {
    expect(meta.language).toBe('zh-CN');
    expect(meta.keywords).toEqual(['质量状况白皮书', '某区', '2024年', '产品质量', '工程质量']);
  });

  it('is dated midnight of the publication day in China (UTC+8), whatever the clock says', () => {
    expect(meta.date.toISOString()).toBe('2025-03-14T16:00:00.000Z');
  });
});
