import { formatFileSize } from '../../site/format.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/**
 * Every string of the PDF edition a person reads: build log, errors, the edition page, the file's metadata.
 * `pdfSwitch` is chrome.ts#PDF_SWITCH, passed in because chrome.ts imports this module.
 */
export const pdfMessages = {
  noBrowser: (pdfSwitch: string) =>
    '生成 PDF 版需要 Chrome 或 Chromium，但没有找到。\n' +
    '  · Debian/Ubuntu：sudo apt-get install chromium\n' +
    '  · 已安装在其他位置：CHROME_PATH=/path/to/chrome npm run build\n' +
    `  · 暂不生成 PDF：${pdfSwitch}=off npm run build（网站照常生成，页面上不显示 PDF 下载）`,
  skipped: (pdfSwitch: string) => `已按 ${pdfSwitch}=off 跳过 PDF 版。`,
  tocPagesMissing: (targets: string[]) => `目录页码缺失：${targets.join('、')}`,
  factsSlotMissing: (file: string) => `版本页缺少填写 PDF 大小和页数的位置（data-pdf-facts）：${file}`,
  /** One edition done; `printMs` is undefined when the cached PDF was reused. */
  edition: (year: number, pages: number, bytes: number, printMs: number | undefined) =>
    `PDF ${year}年版：${pages} 页，${formatFileSize(bytes)}（${printMs === undefined ? '内容未变，沿用上次生成的 PDF' : seconds(printMs)}）`,
  total: (editions: number, ms: number) => `PDF 版共 ${editions} 期，用时 ${seconds(ms)}`,
  /** Beside the download button on the edition page. */
  facts: (bytes: number, pages: number) => `（PDF，${formatFileSize(bytes)}，${pages} 页）`,
  creator: '质量状况白皮书发布系统',
  keyword: '质量状况白皮书',
  yearKeyword: (year: number) => `${year}年`,
};
