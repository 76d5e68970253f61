import { z } from 'zod';

import { formatFileSize } from '../file-size.ts';

/** Written into a new edition's chapters and summary by `npm run new-edition`; `npm run check` warns while it remains. */
const TODO_MARK = '待更新';

/** An argument as typed into a shell: quoted when it holds a space. */
const typedArgument = (text: string) => (/\s/.test(text) ? `"${text}"` : text);

/**
 * A command for the editor to type next, with the site's `--root` when the site is not the working
 * directory (`root` as typed, '' otherwise): `npm run check -- --root examples/dongtou`.
 */
const npmRun = (script: string, args: readonly string[] = [], root = '') => {
  const rest = [...args, ...(root ? ['--root', root] : [])].map(typedArgument);
  return `npm run ${script}${rest.length > 0 ? ` -- ${rest.join(' ')}` : ''}`;
};

/** What an unseen character in an editor's text is, and why it is refused (content/control-characters.ts). */
const UNSEEN = {
  control: { what: '不可见的控制字符', why: '它会破坏网页和图表。' },
  bidi: {
    what: '改变文字方向的控制字符',
    why: '它会让后面的文字倒着显示，读者看到的与这里写的不一样（例如 90.6 显示成 6.09）。',
  },
  invisible: {
    what: '看不见的字符',
    why: '零宽空格、软连字符、BOM 这类字符不占位置也看不见，会让看起来相同的文字、编号或文件名其实不同。',
  },
} as const;
type UnseenKind = keyof typeof UNSEEN;
const unseenText = (code: string, kind: UnseenKind, context: string) =>
  `有${UNSEEN[kind].what}（${code}）：“${context}”。${UNSEEN[kind].why}`;
const UNSEEN_HINT =
  '请删除这个字符（⟨…⟩ 标出的位置；可删去前后各一个字再重新输入）。它多半是从网页、Word 或聊天软件复制带来的。';

/** The previous edition as the plausibility warnings name it: 上年, or its year when editions skip one. */
const lastYear = (previous: number, year: number) => (previous === year - 1 ? '上年' : `${previous}年`);

/** What a YAML value is, in an editor's words (for the schema messages below). */
const yamlKind = (value: unknown): string =>
  typeof value === 'string'
    ? `文字“${value.length > 20 ? `${value.slice(0, 20)}…` : value}”`
    : typeof value === 'number'
      ? `数字 ${value}`
      : typeof value === 'boolean'
        ? `${value}`
        : Array.isArray(value)
          ? '列表（以 - 开头的几行）'
          : value === null || value === undefined
            ? '空值'
            : '下一级的几项（缩进的几行）';
const EXPECTED: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '布尔值 true 或 false',
  array: '列表（每项一行，以 - 开头）',
  object: '下一级的几项（另起一行，缩进书写）',
};
/** A bound zod puts on every integer (Number.MAX_SAFE_INTEGER): past it a number is too large to be a year or an order. */
const SAFE_INTEGER = 2 ** 53 - 1;
const NOT_FINITE =
  '不是可以使用的数字：写得太大（超出数字的范围，例如 1e400），或写成了 .inf、.nan；请写普通的十进制数字，例如 2021。';
const TOO_LARGE = '数字太大，超出了可以准确表示的范围；请写普通的十进制数字，例如 2021。';

/**
 * zod's messages in words an editor reads: what was expected and what was written, without type names
 * (“期望 int，实际接收 数字”) or symbols (“期望 number <=2100”). Other issues keep zod's own Chinese.
 */
const zodChinese = z.locales.zhCN().localeError;
const zodMessages: z.core.$ZodErrorMap = (issue) => {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (typeof input === 'number' && !Number.isFinite(input)) return NOT_FINITE;
      if (input === undefined) return '缺少这一项，必须填写。';
      if (issue.expected === 'int') return `应为整数（不带小数），这里写的是${yamlKind(input)}。`;
      if (issue.expected === 'number' && typeof input === 'string')
        return `应为数字，这里写的是${yamlKind(input)}；数字不要加引号。`;
      return `应为${EXPECTED[issue.expected] ?? issue.expected}，这里写的是${yamlKind(input)}。`;
    case 'too_big':
      if (['number', 'int', 'bigint'].includes(issue.origin))
        return Number(issue.maximum) >= SAFE_INTEGER
          ? TOO_LARGE
          : issue.inclusive
            ? `不能大于 ${issue.maximum}（这里是 ${String(input)}）。`
            : `应小于 ${issue.maximum}（这里是 ${String(input)}）。`;
      if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字。`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项。`;
      break;
    case 'too_small':
      if (['number', 'int', 'bigint'].includes(issue.origin))
        return Number(issue.minimum) <= -SAFE_INTEGER
          ? TOO_LARGE
          : issue.inclusive
            ? `不能小于 ${issue.minimum}（这里是 ${String(input)}）。`
            : `应大于 ${issue.minimum}（这里是 ${String(input)}）。`;
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? '不能为空。' : `至少 ${issue.minimum} 个字。`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项。`;
      break;
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join('、')}${issue.values.length > 1 ? ' 之一' : ''}，这里写的是${yamlKind(input)}。`;
    case 'unrecognized_keys':
      return `有不认识的项：${issue.keys.join('、')}。请检查拼写，或删除它。`;
  }
  return zodChinese(issue);
};

const CHART_USAGE =
  '例如 <Chart kind="trend" id="…" />、<Chart kind="domains" />、<Chart kind="compare" ids="a,b" />、<Chart kind="custom" spec="图表.vl.json" title="…" />。';

/**
 * The zh-CN diagnostics catalogue: every word editors read from `npm run check`, `npm run build`, the
 * other npm scripts and the build log — errors, warnings, hints, usage and progress lines. Editors'
 * words, not readers': the site's `language` does not change them.
 */
export const zhCNDiagnostics = {
  /** How a located problem is printed (problems.ts). */
  report: {
    error: '错误',
    warning: '警告',
    atLine: (line: number) => `第 ${line} 行：`,
    atLineColumn: (line: number, column: number) => `第 ${line} 行第 ${column} 列：`,
    hint: (hint: string) => `提示：${hint}`,
    total: (errors: number, warnings: number) => `共发现 ${errors} 个错误、${warnings} 个警告。`,
    settled: (count: number) => `另有 ${count} 个警告已在所在行的 checked 列确认，不再列出。`,
  },
  /** Encoding of editors' text files (text-file.ts). */
  text: {
    utf16: '文件是 UTF-16 编码（Excel“Unicode 文本”格式），无法读取。',
    notUtf8: '文件不是 UTF-8 编码（看起来是 GBK/GB18030，Excel 默认的“CSV（逗号分隔）”就是这种编码）。',
    saveAsUtf8: '请用 Excel 的“另存为 → CSV UTF-8（逗号分隔）(*.csv)”，或在记事本/WPS 中选择 UTF-8 编码重新保存。',
  },
  /** CSV structure (csv-table.ts). */
  csv: {
    quoteNotClosed: '引号没有闭合（某个单元格以 " 开头但没有结束的 "）。',
    syntax: (reason: string) => `CSV 格式错误：${reason}`,
    quoteHint: '含逗号或引号的单元格需用英文双引号包住，内部的引号写成两个 ""。',
    empty: '文件是空的，缺少表头行。',
    missingColumns: (columns: readonly string[]) => `表头缺少列：${columns.join('、')}。`,
    header: (columns: readonly string[]) => `表头应为：${columns.join(',')}`,
    unknownColumn: (column: string) => `未知的列“${column}”，将被忽略。`,
    cellCount: (cells: number, columns: number) => `这一行有 ${cells} 个单元格，但表头有 ${columns} 列。`,
    cellCountHint: '检查是否多了或少了逗号；含逗号的文字需要用英文双引号包住。',
    duplicateColumn: (column: string, first: number) =>
      `表头中“${column}”出现了两次（第 ${first} 列已有），后一列的内容会被丢掉。`,
    blankColumn: '表头中有一列没有名称，它的内容会被丢掉。',
    columnHint: '删除多余的列，或给它起一个表头中没有的名称（例如 note2）。',
    /** `context` shows the place, the character made visible (control-characters.ts#unseenContext). */
    unseenCharacter: (cell: string, code: string, kind: UnseenKind, context: string) =>
      `${cell}中${unseenText(code, kind, context)}`,
    /** Which cell, for the message above: one of a row (by its column's name), or of the header. */
    cellOf: (column: string) => `${column} 列的单元格`,
    cellAt: (n: number) => `第 ${n} 列的单元格`,
    headerCell: (n: number) => `表头第 ${n} 列`,
    unseenCharacterHint: UNSEEN_HINT,
  },
  /** Names of editors' files and folders that look right and are not (content/names.ts). */
  names: {
    unseen: (name: string, code: string, kind: UnseenKind) => `名称中${unseenText(code, kind, name)}`,
    decomposed: (spelled: string, composed: string) =>
      `名称“${composed}”中有字母是 Unicode 分解形式（${spelled}，多见于苹果电脑或从网页复制）：看起来一样，但与直接输入的“${composed}”不是同一个名称，网址和引用会对不上。`,
    renameHint: (name: string) => `请把它改名为“${name}”（删掉原名称后重新输入即可）。`,
  },
  /** Unseen characters in any editor's text (a chapter's prose too): `context` as for the CSV message. */
  unseen: {
    text: (code: string, kind: UnseenKind, context: string) => `文字中${unseenText(code, kind, context)}`,
    hint: UNSEEN_HINT,
  },
  /** YAML syntax and the place of a schema problem (yaml-data.ts). */
  yaml: {
    syntax: (reason: string) => `YAML 格式错误：${reason}`,
    syntaxHint: '冒号后要有空格；缩进只能用空格；含冒号或 # 的文字请用引号包住。',
    aliases: '文件中的别名（&、*）引用过多，无法读取。',
    aliasesHint: '网站信息和版本信息不需要 YAML 别名；请把 & 和 * 开头的写法改成直接写出内容。',
    /** The labels of the keys leading to the problem; none when the whole file is wrong. */
    field: (labels: readonly string[]) => labels.join(' → ') || '（整个文件）',
    /** An item of a list, counted from 1. */
    item: (n: number) => `第 ${n} 项`,
    issue: (field: string, message: string) => `${field}：${message}`,
    didYouMean: (key: string) => `是不是“${key}”？`,
    knownKeys: (keys: readonly string[]) => `这里可以写的项：${keys.join('、')}。`,
  },
  /** The editor-written YAML (schemas.ts): zod's own messages in this language, ours, and the field names. */
  schema: {
    zodMessages,
    isoDate: '日期格式应为 YYYY-MM-DD，例如 2025-03-15',
    invalidDate: '不是有效的日期',
    dateRange: '日期应在 1949 年至 2100 年之间',
    basePath:
      '应以 / 开头和结尾，例如 / 或 /baipishu/；每一级只用英文字母、数字、-、_ 和 .，不能以 . 开头（不能写 . 或 ..），不能有空格、\\、//、? 或 #',
    webUrl: '应为 http:// 或 https:// 开头的网址，例如 https://www.example.gov.cn',
    urlCredentials: '网址中不能带用户名或密码（@ 前面的部分）：读者会被带到 @ 后面的网站',
    urlCharacters: '网址中不能有空格或反斜杠 \\（浏览器会把它改成另一个地址）',
    siteUrlQuery: '网站网址不能带 ? 或 # 后面的部分，例如应写 https://www.example.gov.cn',
    siteUrlPath:
      '网址中的路径就是网站所在的子路径：每一级只用英文字母、数字、-、_ 和 .，不能以 . 开头，例如 https://www.example.gov.cn/baipishu/',
    /** A path in siteUrl and a basePath that differ: the pages' links would miss the address readers use. */
    sitePathDisagrees: (url: string, path: string, basePath: string, origin: string) =>
      `写的是 ${basePath}，与网址（siteUrl）${url} 的路径 ${path} 不一致。网站放在 ${path} 下时，请把 basePath 改为 ${path} 或删去这一行；网站放在域名根目录时，网址只写 ${origin}。`,
    demo: '应为 true 或 fictional（地区、机构与数据均为虚构）、illustrative（真实地区，数据为示例）或 false（正式发布）',
    fields: {
      region: '地区（region）',
      agency: '发布机构（agency）',
      siteTitle: '网站名称（siteTitle）',
      siteUrl: '网址（siteUrl）',
      basePath: '子路径（basePath）',
      contact: '联系方式（contact）',
      dataLicence: '数据许可（dataLicence）',
      language: '语言（language）',
      footerIds: '备案信息（footerIds）',
      demo: '演示标志（demo）',
      year: '年份（year）',
      title: '标题（title）',
      period: '统计期（period）',
      published: '发布日期（published）',
      status: '状态（status）',
      summary: '摘要（summary）',
      corrections: '勘误（corrections）',
      date: '日期（date）',
      text: '内容（text）',
      reason: '原因（reason）',
      indicator: '指标（indicator）',
      order: '顺序（order）',
      headline: '主要指标（headline）',
      digest: '一图读懂指标（digest）',
      name: '名称（name）',
      short: '简称（short）',
      start: '起始年份（start）',
      end: '终止年份（end）',
      base: '基期年份（base）',
      source: '来源文件（source）',
      publisher: '发布机关（publisher）',
      url: '网址（url）',
      notice: '提示（notice）',
      dimension: '分类维度（dimension）',
      measures: '各列（measures）',
      id: '编号（id）',
      unit: '单位（unit）',
      decimals: '小数位数（decimals）',
      sums: '相加（sums）',
      rate: '比率（rate）',
      share: '占比（share）',
      change: '变化（change）',
      chart: '图表（chart）',
      bands: '分档（bands）',
    } as Record<string, string>,
  },
  /** Chapter bodies and the editor components in them (mdx-chapter.ts, editor-components.ts). */
  mdx: {
    syntax: (reason: string) => `MDX 语法错误：${reason}`,
    syntaxHint:
      '正文中的 < 和 { 会被当作组件或表达式；请写成“小于”或全角符号，组件标签要闭合，例如 <Value id="food_pass_rate" />。',
    noImports: '章节中不需要 import/export 语句，组件可直接使用。',
    noExpression: '正文中不能写 { } 表达式：章节是文档，不是程序。',
    noExpressionHint: '要显示数值请用 <Value id="…" />；要写花括号本身，请用全角｛ ｝。',
    attributeExpression: (component: string, attribute: string) =>
      `<${component}> 的属性 ${attribute} 用了 { } 表达式；属性值只能写在引号里。`,
    attributeExpressionHint: '例如 <Chart kind="trend" id="pm25" />。',
    htmlElement: (element: string) => `不能使用 HTML 元素 <${element}>。`,
    htmlElementHint: (allowed: readonly string[]) =>
      `章节只接受 Markdown 和文档列出的组件；允许的 HTML 元素只有 ${allowed.map((e) => `<${e}>`).join('、')}（不带属性）。标题、列表、链接、表格请用 Markdown 写。`,
    unsafeUrl: (url: string) => `链接地址“${url}”不被允许。`,
    unsafeUrlHint: '链接只能是 http://、https://、mailto: 开头的地址，或站内的相对地址（例如 ../2024/）。',
    unknownComponent: (name: string) => `未知组件 <${name}>。`,
    components: (names: readonly string[]) => `可用的组件：${names.map((n) => `<${n}>`).join('、')}。`,
    spread: (component: string) => `<${component}> 中不支持 {…} 展开写法。`,
    unknownAttribute: (component: string, attribute: string) => `<${component}> 没有属性“${attribute}”。`,
    attributes: (names: readonly string[]) => `可用属性：${names.join('、') || '（无）'}。`,
    unquoted: (component: string, attribute: string) =>
      `<${component}> 的属性 ${attribute} 要用英文双引号写，例如 ${attribute}="…"。`,
    missingAttribute: (component: string, attribute: string) => `<${component}> 缺少属性 ${attribute}。`,
    badId: (component: string, id: string) => `<${component}> 的指标编号“${id}”格式不对。`,
    idHint: '指标编号以小写英文字母开头，只用小写英文字母、数字和下划线，例如 food_pass_rate。',
    noIds: (component: string) => `<${component}> 的属性 ids 中没有指标编号。`,
    idsHint: '写一个或多个指标编号，用逗号分隔，例如 ids="food_pass_rate,drug_pass_rate"。',
    badYear: (component: string, attribute: string, value: string) =>
      `<${component}> 的属性 ${attribute}“${value}”不是四位数的年份。`,
    yearHint: (attribute: string) => `例如 ${attribute}="2023"。`,
    /** `reference` is the catalogue's own message about the id (ledger/indicator.ts). */
    unknownReference: (component: string, reference: string) => `<${component}> 引用的${reference}`,
    unknownDomain: (component: string, domain: string) => `<${component}> 的领域“${domain}”不存在。`,
    domains: (domains: readonly string[]) => `现有领域：${domains.join('、')}。`,
    noPeriod: (component: string, period: string) => `<${component}> 的年份“${period}”在台账中没有数据。`,
    periods: (periods: readonly string[]) => `有数据的年份：${periods.join('、')}。`,
    notInLedger: (component: string, id: string, year: number) =>
      `<${component} id="${id}"> ：${year} 年台账中没有该指标（页面无法显示）。`,
    notInLedgerHint: (year: number) =>
      `在 data/ledgers/${year}.csv 中为该指标加一行；该指标已不再报告的，请改写这句话并删去这个组件。`,
    badChartKind: (kind: string | undefined) => `<Chart> 的 kind “${kind}”无效。`,
    chartKinds: `可选：trend（趋势）、domains（各领域完成情况）、compare（与上年对比）、custom（自定义 Vega-Lite）。${CHART_USAGE}`,
    chartUsage: CHART_USAGE,
    trendNeedsId: '<Chart kind="trend"> 需要 id 属性（指标编号）。',
    compareNeedsIds: '<Chart kind="compare"> 需要 ids 属性（逗号分隔的指标编号）。',
    customNeedsSpec: '<Chart kind="custom"> 需要 spec（同目录下的 .vl.json 文件名）和 title 属性。',
    textTrend: (id: string) => `指标“${id}”是定性指标，不能画趋势图。`,
    compareUnits: (units: readonly (string | undefined)[]) =>
      `对比图中的指标单位不一致（${units.join('、')}），无法放在同一坐标轴上。`,
    compareUnitsHint: '请只对比单位相同的指标，或拆成多张图。',
    tooDeep: (depth: number, limit: number) => `这一行的列表、引用或标签嵌套了 ${depth} 层，超过上限 ${limit} 层。`,
    tooDeepInLine: (limit: number) => `章节中有嵌套超过 ${limit} 层的标签、强调或列表，无法读取。`,
    tooDeepHint: '白皮书的层次一般不超过三四层；请减少行首的 >、-、* 或缩进，或把内容拆成几段。',
    tooLong: (limit: number) => `从这一行开始的段落超过 ${limit} 个字符的上限。`,
    chapterTooLong: (characters: number, limit: number) =>
      `章节有 ${characters} 个字符，超过每章 ${limit} 个字符的上限。`,
    tooManyMarks: (limit: number) => `从这一行开始的段落中 * _ [ ] \` ~ 等标记超过 ${limit} 个，无法作为文档读取。`,
    tooManyMarksHint: '请检查是否粘贴了程序代码或乱码；需要原样显示这些符号时，可改用全角符号（＊ ＿ ［ ］）。',
    tooLongHint: '请把长段落分成几段（段落之间空一行）；大量数据请放进台账或表格。',
    customSpecHint: '自定义图表的数据写成 "data": {"name": "ledger"}，由系统从台账填入，不要手抄数字。',
    /** <Breakdown id="…" measure="…" />: a breakdown table (data/breakdowns/<id>.yaml) and one of its measures. */
    badBreakdownId: (id: string) => `<Breakdown> 的分类表编号“${id}”格式不对。`,
    breakdownIdHint:
      '分类表编号是 data/breakdowns/ 中 .yaml 文件的文件名（不含 .yaml）：以小写英文字母开头，只用小写英文字母、数字和下划线，例如 id="spot_checks"。',
    badMeasure: (measure: string) => `<Breakdown> 的 measure“${measure}”格式不对。`,
    measureHint: '写分类表 .yaml 中 measures 下某一项的 id，例如 measure="pass_rate"；不写时按该表的 chart 画图。',
    unknownBreakdown: (id: string) => `<Breakdown> 引用的分类表“${id}”不存在。`,
    /** What the editor may have meant: the closest id, else the ids there are, else how to add one. */
    breakdownHint: (id: string, closest: string | undefined, ids: readonly string[]) =>
      closest
        ? `是否应为“${closest}”？`
        : ids.length > 0
          ? `现有分类表：${ids.join('、')}。`
          : `请先在 data/breakdowns/ 中新建 ${id}.yaml 和 ${id}/ 文件夹中的年度 CSV。`,
    breakdownNotInYear: (id: string, year: number) =>
      `<Breakdown id="${id}"> ：${year} 年没有这张分类表（页面无法显示）。`,
    breakdownNotInYearHint: (id: string, year: number) =>
      `在 data/breakdowns/${id}/${year}.csv 中填写本年度的分类数据；本年度不发布这张表的，请删去这个组件。`,
    unknownMeasure: (id: string, measure: string) =>
      `<Breakdown id="${id}"> 的 measure“${measure}”不是这张分类表的一项。`,
    measures: (ids: readonly string[]) => `可选：${ids.join('、')}。`,
  },
  /** Pictures in chapters (chapter-pictures.ts): local raster files of the edition folder, nothing else. */
  pictures: {
    notLocal: (url: string) =>
      `图片“${url}”是网址或 data: 地址：章节只能显示本年度文件夹中的图片文件，生成网站和 PDF 时不会从网络取任何内容。`,
    notRelative: (url: string) => `图片地址“${url}”不是相对于章节的文件路径。`,
    outsideEdition: (url: string) => `图片“${url}”不在本年度版本的文件夹中。`,
    missing: (url: string) => `找不到图片文件“${url}”。`,
    symlink: (url: string) => `图片“${url}”（或它所在的文件夹）是符号链接（快捷方式）：不能显示。`,
    symlinkHint: '请把图片文件本身复制到本年度文件夹的 images/ 中，再引用它。',
    notPicture: (url: string) =>
      `“${url}”不是可以显示的图片：只接受 PNG、JPEG、GIF、WebP、AVIF 图片文件（按文件内容判断）；SVG 等可能含程序的文件不接受。`,
    wrongEnding: (url: string, ending: string) => `图片“${url}”的扩展名与内容不符：文件内容是 ${ending} 图片。`,
    wrongEndingHint: '请把扩展名改成与内容一致，或用看图软件另存为所需格式。',
    tooLarge: (url: string, size: number, limit: number) =>
      `图片“${url}”有 ${formatFileSize(size)}，超过 ${formatFileSize(limit)} 的上限。`,
    tooManyPixels: (url: string, width: number, height: number, limits: { side: number; pixels: number }) =>
      `图片“${url}”为 ${width} × ${height} 像素，超过上限（每边不超过 ${limits.side} 像素，总计不超过 ${limits.pixels / 1_000_000} 百万像素）。`,
    sizeHint: '请缩小图片后再放入（网页和 PDF 中 2000 像素宽已足够清晰）。',
    hint: '写法：![图片说明](./images/图片.png)，图片文件放在本年度文件夹的 images/ 中。',
  },
  /** The indicator catalogue (ledger/indicator.ts). */
  catalogue: {
    badId: (id: string) => `指标编号“${id}”不合规。`,
    emptyId: '指标编号（id）为空。',
    idHint: '编号只能用小写英文字母、数字和下划线，并以字母开头，例如 food_pass_rate；发布后不要再改。',
    duplicateId: (id: string, line: number) => `指标编号“${id}”重复（第 ${line} 行已定义）。`,
    emptyName: '指标名称（name）为空。',
    emptyDomain: '领域（domain）为空。',
    domainHint: (domains: readonly string[]) => `例如：${domains.join('、')}`,
    badDirection: (value: string) => `方向（direction）“${value}”无效。`,
    directionHint: '填写 higher（越高越好）或 lower（越低越好）。',
    badType: (value: string) => `类型（type）“${value}”无效。`,
    typeHint: '填写 number（数值）或 text（定性），留空表示 number。',
    badDecimals: (value: string) => `小数位数（decimals）“${value}”无效。`,
    decimalsHint: '填写 0 到 6 的整数，或留空。',
    unknownId: (id: string) => `指标编号“${id}”不在指标目录 data/indicators.csv 中。`,
    didYouMean: (id: string) => `是否应为“${id}”？`,
    addToCatalogue: '先在 data/indicators.csv 中添加该指标，或检查拼写。',
  },
  /** A year's ledger (ledger/ledger.ts). */
  ledger: {
    badPeriod: (period: string) => `统计期（period）“${period}”无效。`,
    periodHint:
      '填写四位年份，例如 2024。目标与某一时期比较（如“较“十一五”时期增加15%”）时，该时期的数值另起一行，period 填起止年份，例如 2006-2010（“十一五”时期）；“十二五”末填 2015。',
    /** A row of a period of years (2006-2010) holds only the base of a target against that period. */
    periodWithTarget: (period: string) =>
      `统计期为 ${period} 的行是这一时期的数值，只作“较……时期增加/下降”这类目标的比较基数，不填目标（target）和完成情况（status）。`,
    /** Rows naming several indicators: `a、b` in the indicator column. */
    idSeparator: (cell: string) => `指标编号“${cell}”的分隔符不对：一行列出几个指标时，编号之间用顿号“、”分隔。`,
    emptyIdInList: (cell: string) => `指标编号“${cell}”中有空的编号（多了一个顿号“、”）。`,
    repeatedId: (id: string) => `指标编号“${id}”在本行列出了两次。`,
    idListHint:
      '一行可以列出几个指标，共用一个照规划原文填写的目标单元格：编号按目标在单元格中的先后顺序排列，用顿号“、”分隔，例如 county_rate、firm_rate。',
    /** `parts` is the finest split of the cell; each id is paired with the part in its place. */
    partsMismatch: (ids: readonly string[], parts: readonly string[]) =>
      `indicator 列列出 ${ids.length} 个指标，目标单元格却分出 ${parts.length} 个目标：${Array.from(
        { length: Math.max(ids.length, parts.length) },
        (_, n) => `${ids[n] ?? '（没有编号）'} → ${parts[n] === undefined ? '（没有目标）' : `“${parts[n]}”`}`,
      ).join('；')}。`,
    partsAmbiguous: (ids: readonly string[], ways: ReadonlyArray<readonly string[]>) =>
      `目标单元格分成 ${ids.length} 个目标（${ids.join('、')}）有 ${ways.length} 种分法：${ways
        .map((way, n) => `第 ${n + 1} 种 ${way.map((part) => `“${part}”`).join('、')}`)
        .join('；')}。`,
    partsHint:
      '照规划原文填写的一个目标单元格可以对应几个指标：按分号“；”、句号、逗号分句，再按“分别”和顿号“、”分开，例如“县(区)100%开展;规模以上企业90%开展。”是 2 个目标，“使用登记率、定期检验率达到100%”是 2 个“达到100%”。indicator 列的编号个数和顺序要与分出的目标一致。',
    listCount: (column: string, count: number) => `indicator 列列出 ${count} 个指标，${column} 列的个数与之不同。`,
    listHint:
      '一行列出几个指标时，value 列（规划目标表的 name 列也一样）按编号的顺序填写，用顿号“、”分隔（例如 100、85；没有的留空，例如 100、），整格留空表示都没有；status 列填一个时对每个指标都适用，也可以按顺序用顿号分别填写。',
    periodOutOfRange: (period: string, first: number, last: number) =>
      `统计期（period）“${period}”不在 ${first} 年至 ${last} 年之间，可能是笔误。`,
    duplicateRow: (id: string, period: string, line: number) =>
      `重复的记录：指标“${id}”在 ${period} 年已有一行（第 ${line} 行）。`,
    duplicateRowHint: '每个指标每年只能有一行，请删除或合并重复行。',
    badStatus: (status: string) => `完成情况（status）“${status}”无效。`,
    statusHint: (labels: readonly string[]) => `填写 ${labels.join('、')} 之一，或留空由系统根据目标计算。`,
    notANumber: (text: string, name: string | null) =>
      `值“${text}”不是数字${name ? `（指标“${name}”是数值型指标）` : ''}。`,
    numberHint: (unit: string) =>
      `${unit ? `单位“${unit}”已在指标目录中定义，` : ''}这里只填数字，例如 98.6；没有数据请留空。`,
    thousandsHint: (plain: string) => `请去掉千位分隔符，写成 ${plain}。`,
    scientific: (text: string) =>
      `值“${text.length > 24 ? `${text.slice(0, 24)}…` : text}”是科学计数法（e 表示乘以 10 的几次方），台账不接受这种写法。`,
    scientificHint: (plain: string) => `请写成普通的数字：${plain}。`,
    tooLarge: (text: string) => `值“${text.length > 24 ? `${text.slice(0, 24)}…` : text}”太大，不是可信的统计数值。`,
    tooLargeHint: '数值的绝对值应小于 10 的 15 次方；请检查是否多打了数字，或换用更大的单位（如 万元、亿元）。',
    /** `what` names the cell: a target or a value, as written. */
    targetCell: (text: string) => `目标“${text}”`,
    valueCell: (text: string) => `值“${text}”`,
    unitWithoutCatalogueUnit: (what: string, unit: string, name: string) =>
      `${what}写了单位“${unit}”，但指标“${name}”在指标目录中没有单位。`,
    addUnitHint: (unit: string) => `请在 data/indicators.csv 的 unit 列为该指标填写“${unit}”，页面才会显示单位。`,
    unitMismatch: (what: string, unit: string, name: string, catalogueUnit: string) =>
      `${what}的单位“${unit}”与指标“${name}”的单位“${catalogueUnit}”不一致。`,
    unitMismatchHint: (catalogueUnit: string) =>
      `指标目录 data/indicators.csv 中该指标的单位是“${catalogueUnit}”。单位可以不写；写了须一致。如单位确实变了，请改指标目录或新设指标。`,
    target: {
      no_number: (text: string) => `目标“${text}”有比较符号，但缺少数字。`,
      conflict: (text: string) => `目标“${text}”的写法自相矛盾（例如同时写了“不低于”和“以下”）。`,
      reversed_range: (text: string) => `目标区间“${text}”的下限大于上限。`,
      unreadable: (text: string) => `无法识别的目标“${text}”。`,
    },
    targetHint:
      '按规划原文填写即可，例如 ≥96、95%以上、5个以上、不低于98%、不超过25、30%以内、达到100%、90-95（区间）、新增5个以上、建成5个以上、县(区)100%开展、在2020年基础上下降15%、较“十一五”时期增加15%、稳步下降、≥57.5（“十四五”均值）；以上、以下、以内包含本数，超过、低于、不足不包含本数。没有目标数值的目标（如 基本建成、完成上级下达任务）是定性目标，请在 status 列填写完成情况。',
  },
  /** Warnings on valid but suspicious figures (ledger/plausibility.ts). */
  plausibility: {
    percentRange: (name: string, value: number) => `“${name}”的值 ${value} 超出了百分比的范围 0–100。`,
    percentRangeHint:
      '请确认单位：这里填百分数的数字部分，例如 98.6。确实超过 100 的（如增长率），在该行 checked 列写明原因。',
    jumpPoints: (name: string, previous: number, value: number, points: string) =>
      `“${name}”从上年的 ${previous}% 变为 ${value}%，变化 ${points} 个百分点。`,
    jumpRatio: (name: string, previous: number, value: number, percent: string) =>
      `“${name}”从上年的 ${previous} 变为 ${value}，变化 ${percent}%。`,
    jumpHint:
      '变化较大，请核对是否录入有误（如小数点位置、单位）。核对无误的，在该行 checked 列写明原因（如“2015年起按累计数统计”），此警告就不再列出。',
    /** `previous`: the previous edition's year (上年 when it is the year before). */
    missingValue: (name: string, last: string, previous: number, year: number) =>
      `“${name}”${lastYear(previous, year)}有数值（${last}），今年为空。`,
    missingValueHint: '如该指标已不再统计，请在 status 列填写“不再统计”。',
    missingRow: (name: string, previous: number, year: number) =>
      `${lastYear(previous, year)}报告的指标“${name}”在今年的台账中没有记录。`,
    missingRowHint: '如该指标已不再统计，请保留一行并在 status 列填写“不再统计”。',
    unjudged: (name: string, why: string) => `“${name}”：${why}，本版已发布，将显示为“未评估”。`,
    /** Why a target cannot be judged from figures (ledger/target.ts#QualitativeReason). */
    qualitative: {
      no_number: (target: string) =>
        `目标“${target}”没有可比的目标数值（年份和名称中的数字不算），系统无法判断是否完成`,
      several_numbers: (target: string) => `目标“${target}”中有几个数字，没有写明哪一个是目标值，系统无法判断是否完成`,
      change_without_base: (target: string) =>
        `目标“${target}”写了变化幅度，但没有写明与哪一年或哪个时期比较，系统无法判断是否完成`,
    },
    /** `period`: a year (2010) or a period's years (2006-2010), as the ledger keys the base's value. */
    noBaseValue: (target: string, period: string) =>
      period.includes('-')
        ? `目标“${target}”要与 ${period.replace('-', '—')} 年这一时期的数值比较，但台账中没有 period 为 ${period} 的行`
        : `目标“${target}”要与 ${period} 年比较，但台账中没有该年的数值`,
    noPrevious: (target: string) => `目标“${target}”要与上年比较，但台账中没有上年的数值`,
    unjudgedHint: '请在 status 列填写完成情况：已完成、未完成、推进中、不再统计或政策调整。',
    longCell: (name: string, isValue: boolean, length: number, limit: number) =>
      `“${name}”的${isValue ? '值' : '目标'}有 ${length} 个字，超过 ${limit} 个字。`,
    longCellHint: '表格中长文字会挤占其他列。请在这里写简短的说法（例如“已创成”“基本建成”），说明放到 note 列。',
  },
  /** Development plans (data/plans/*.yaml and *.csv; ledger/plan.ts). */
  plan: {
    badYear: (year: string, start: number, end: number) => `年份（year）“${year}”不在规划期 ${start}—${end} 年内。`,
    yearHint: '留空表示规划末年的目标；规划中写明的年度目标填该年份。',
    duplicate: (id: string, year: number, line: number) => `指标“${id}”的 ${year} 年目标重复（第 ${line} 行已有）。`,
    emptyTarget: '目标（target）为空。',
    emptyTargetHint: '照规划原文填写目标，例如 96%以上、5个以上、基本建成。',
    noTargets: (file: string) => `缺少规划目标表 ${file}。`,
    noTargetsHint: '每个规划由同名的 .yaml（规划信息）和 .csv（指标与目标）两个文件组成。',
    badRange: (start: number, end: number) => `规划的起止年份有误：${start}—${end}。`,
    badStage: (start: number, end: number, planStart: number, planEnd: number) =>
      `阶段 ${start}—${end} 年不在规划期 ${planStart}—${planEnd} 年之内，或与前一阶段重叠，或与规划同年结束。`,
    stageHint:
      '按先后写出规划中各阶段的末年，例如 stages: [{ end: 2015 }]；阶段在规划末年之前结束，规划末年的目标就是规划期末目标。',
    stageName: (start: number, end: number) => `${start}—${end}年`,
    overlap: (a: string, b: string) => `规划“${a}”与“${b}”的年份重叠。`,
    overlapHint: '每一年只能属于一个规划（例如“十三五”2016—2020年，“十四五”2021—2025年）。',
    badId: (name: string) => `规划文件名“${name}”不合规。`,
    badExtension: (name: string) => `规划文件“${name}”的扩展名应为小写的 .yaml 或 .csv，否则不会被读取。`,
    extensionHint: (name: string) => `请改名为“${name}”。`,
    loneTargets: (file: string, meta: string) => `规划目标表 ${file} 没有同名的规划信息文件 ${meta}，不会被读取。`,
    twoMeta: (file: string, other: string) => `规划信息文件 ${file} 与 ${other} 同名，只能保留一个。`,
    idHint: '文件名用英文小写字母、数字和连字符，例如 2021-2025.yaml 或 shisiwu.yaml（会成为网址的一部分）。',
  },
  /**
   * Breakdowns: a figure by product category, industry, place or enterprise size (data/breakdowns/<id>.yaml
   * and <id>/<year>.csv; schemas.ts, ledger/breakdown-table.ts, ledger/breakdown-checks.ts).
   */
  breakdown: {
    /** The folder data/breakdowns/ and the files in it (content/load-project.ts#loadBreakdowns). */
    badExtension: (name: string) =>
      `分类数据文件“${name}”不会被读取：定义文件的扩展名应为小写的 .yaml，各年数值放在同名文件夹中的 <年份>.csv。`,
    extensionHint: (name: string) => `请改名为“${name}”。`,
    unreadFile: (name: string) =>
      `“${name}”不会被读取：data/breakdowns/ 中只读取定义文件 <编号>.yaml 和同名文件夹中的 <年份>.csv。`,
    layoutHint:
      '每项分类数据由定义文件 <编号>.yaml（表名、分类维度和各列的含义）和同名文件夹（各年的 <年份>.csv）组成，例如 spot_checks.yaml 和 spot_checks/2024.csv。',
    badId: (name: string) => `分类数据的编号“${name}”不合规。`,
    idHint: '编号用小写英文字母、数字和下划线，字母开头，例如 spot_checks（会成为网址和下载文件名的一部分）。',
    loneFolder: (folder: string, definition: string) =>
      `文件夹 ${folder} 没有同名的定义文件 ${definition}，其中各年的数值不会被读取。`,
    unreadTable: (name: string, folder: string) =>
      `“${name}”不会被读取：${folder} 中只读取与年度版本文件夹同名的 <年份>.csv。`,
    unreadTableHint:
      '某一年的表命名为该年的年份，例如 2024.csv（须有 content/editions/2024）；新的一年请先用 npm run new-edition 创建版本；不用的文件请移出这个文件夹。',
    /** The definition (<id>.yaml): what a schema issue says (the field is named before it). */
    measureId: '编号应以小写英文字母开头，只用小写英文字母、数字和下划线，例如 pass_rate。',
    reservedId: (id: string) => `“${id}”是表格固定的列名，不能作为量的编号。`,
    duplicateMeasure: (id: string) => `编号“${id}”重复：每一列的编号只能出现一次。`,
    oneRole: 'sums、rate、share、change 只能写一个（一列只有一种含义；都不写表示普通数值）。',
    rateSyntax: '应写成“分子 / 分母”两个量的编号，例如 passed / batches（合格批次 ÷ 抽查批次 × 100）。',
    unknownMeasure: (id: string, closest: string | undefined, known: readonly string[]) =>
      `“${id}”不是本表的量（measures 中的 id）${closest ? `，是不是“${closest}”？` : `；本表的量：${known.join('、')}。`}`,
    selfReference: (id: string) => `“${id}”不能引用它自己。`,
    changeOfChange: (id: string) => `“${id}”本身是变化量，不能再算它的变化。`,
    bandsOrder: '分档的界限应从高到低排列，例如 [100, 95, 90]。',
    /** The definition against the catalogue (loadBreakdowns). `reference` is the catalogue's message. */
    unknownIndicator: (reference: string) => `指标（indicator）：${reference}`,
    textIndicator: (name: string) => `指标（indicator）“${name}”是定性指标，没有可与合计核对的数值。`,
    unitDisagrees: (measure: string, unit: string, indicator: string, indicatorUnit: string) =>
      `图表所用的量“${measure}”的单位是“${unit}”，指标“${indicator}”的单位是“${indicatorUnit}”：合计无法与台账核对。`,
    unitDisagreesHint: '用 chart 指定与该指标单位相同的量（例如合格率），或改正 indicator。',
    /** A year's table (<id>/<year>.csv; ledger/breakdown-table.ts). */
    unknownColumn: (column: string, definition: string) =>
      `列“${column}”不是 ${definition} 中定义的量，它的数值不会被读取。`,
    unknownColumnHint: (measures: readonly string[]) =>
      `本表的量（measures 中的 id）：${measures.join('、')}。新增一列要先在定义文件的 measures 中写明它的名称和单位；说明文字写在 note 列。`,
    emptyCategory: '分类编号（category）为空。',
    badCategory: (id: string) => `分类编号“${id}”不合规。`,
    categoryHint:
      '分类编号用小写英文字母、数字和下划线，字母开头，例如 daily_goods；合计行写 total。编号各年不变（分类改名只改 name 列）。',
    duplicateCategory: (id: string, line: number) => `分类“${id}”重复（第 ${line} 行已有）。`,
    emptyName: '名称（name）为空。',
    totalWithParent: '合计行（total）不属于任何分类，parent 列应留空。',
    unknownParent: (parent: string) => `上级分类“${parent}”不在本表中。`,
    badParent: (parent: string) => `上级分类不能是“${parent}”：不能是合计行，也不能是这一行自己。`,
    parentAfter: (parent: string, line: number) => `上级分类“${parent}”在第 ${line} 行，应列在它的各下级分类之前。`,
    tooDeep: (parent: string, grandparent: string) =>
      `上级分类“${parent}”本身属于“${grandparent}”：分类最多两级（大类 › 产品）。`,
    parentHint:
      'parent 列写所属大类的编号（例如化肥一行写 agri_inputs）；大类本身和只有一级的表留空。先列大类，再列它下面的各类。',
    noCategories: '表中除合计外没有任何分类。',
    noCategoriesHint: '每个分类一行：category（编号）、name（名称）、parent（所属大类，可空）和各列数值。',
    notANumber: (text: string, measure: string) => `“${measure}”的值“${text}”不是数字。`,
    numberHint: (unit: string) =>
      `${unit ? `单位“${unit}”已在定义文件中写明，` : ''}这里只填数字，例如 97.5；原报告没有的数值留空或写 —（不要写 0）。`,
    scientific: (text: string) =>
      `值“${text.length > 24 ? `${text.slice(0, 24)}…` : text}”是科学计数法（e 表示乘以 10 的几次方），分类数据不接受这种写法。`,
    unitMismatch: (text: string, measure: string, unit: string) =>
      `值“${text}”的单位与“${measure}”的单位“${unit}”不一致。`,
    unitMismatchHint: '单位可以不写；写了须与定义文件 measures 中的 unit 一致。',
    /** Warnings on a table's figures (ledger/breakdown-checks.ts); numbers as the file and the sum give them. */
    rate: (row: string, measure: string, given: string, calculation: string, computed: string, decimals: number) =>
      `“${row}”的${measure}写的是 ${given}，而${calculation} 按 ${decimals} 位小数为 ${computed}。`,
    /** `of` and `total`: the measure's name and the figures divided. */
    quotient: (numerator: string, a: number, denominator: string, b: number) =>
      `${numerator} ${a} ÷ ${denominator} ${b} × 100`,
    totalOf: (measure: string) => `合计${measure}`,
    topSum: (measure: string, sum: string, total: string) => `${measure}：各大类之和为 ${sum}，合计为 ${total}。`,
    childSum: (row: string, measure: string, value: string, sum: string) =>
      `“${row}”的${measure}为 ${value}，其下各类之和为 ${sum}。`,
    shareSum: (measure: string, count: number, sum: string, slack: string) =>
      `${measure}：${count} 个大类之和为 ${sum}，与 100 相差超过四舍五入最多能造成的 ${slack}。`,
    change: (
      row: string,
      measure: string,
      given: string,
      previous: number,
      year: number,
      then: string,
      now: string,
      computed: string,
    ) =>
      `“${row}”的${measure}写的是 ${given}，而${lastYear(previous, year)}（${previous}年版）为 ${then}、本年为 ${now}，变化为 ${computed}。`,
    changeWithoutPrevious: (row: string, measure: string, previous: number) =>
      `“${row}”写了${measure}，但 ${previous} 年版的这张表中没有这一分类，无从比较。`,
    checkHint:
      '请核对录入是否有误。核对无误的（例如原报告如此、统计口径调整），在这一行的 checked 列写明原因，此警告就不再列出。',
    categories: (previous: number, appeared: readonly string[], vanished: readonly string[]) =>
      `与 ${previous} 年版相比，${[
        appeared.length > 0 ? `新出现的分类：${appeared.join('、')}` : '',
        vanished.length > 0 ? `不再出现的分类：${vanished.join('、')}` : '',
      ]
        .filter(Boolean)
        .join('；')}。`,
    /** A category as the categories warning names it. */
    category: (name: string, id: string) => `“${name}”（${id}）`,
    categoriesHint:
      '分类编号各年不变，分类改名只改 name 列。分类确有增减的（例如不再单列、新纳入抽查），在合计行的 checked 列写明原因，此警告就不再列出。',
    indicator: (measure: string, total: string, indicator: string, year: number, value: string) =>
      `合计的${measure}为 ${total}，而台账中“${indicator}”${year}年为 ${value}。`,
    noTotal: (indicator: string) => `这张表分列的是指标“${indicator}”，但没有合计行（total），无法与台账核对。`,
    indicatorHint:
      '合计应与台账中该指标本年的数值一致：核对后改正其中一处；确实不同的（例如口径不同），在合计行的 checked 列写明原因。',
    noTotalHint: '加一行 total（名称写“合计”），填写各列的合计数。',
  },
  /** Editors' custom Vega-Lite specs (content/custom-spec.ts). */
  customSpec: {
    badName: (name: string) => `自定义图表文件名“${name}”不合规：只能是本期文件夹中的 .vl.json 文件名，不能带路径。`,
    notFound: (file: string) => `找不到自定义图表文件 ${file}。`,
    outside: (file: string) => `自定义图表文件 ${file} 指向本期文件夹之外（符号链接），不能使用。`,
    notJson: (file: string, line: number | null, column: number | null) =>
      `${file} 不是有效的 JSON${line === null ? '' : `（第 ${line} 行第 ${column} 列附近）`}。`,
    data: (file: string) => `${file} 的数据来源应为 "data": {"name": "ledger"}（只用台账数据）。`,
    forbidden: (file: string, path: string) =>
      `${file} 中的“${path}”不被允许：自定义图表不能加载文件或网址、声明其他数据、参数或链接。`,
    tooLarge: (file: string, size: string, limit: string) =>
      `${file} 有 ${size}，超过自定义图表文件的上限 ${limit}（图表文件只写设置，数据由系统从台账填入）。`,
    /** A rule of content/spec-rules.ts broken at `path` (e.g. transform.0.filter), on `line` of the file. */
    rule: (file: string, line: number, path: string, reason: string) => `${file} 第 ${line} 行“${path}”：${reason}`,
    rulesHint:
      '自定义图表的表达式只能读取 datum.字段名 并调用常用函数（数学、日期、文字、格式化），不能用正则表达式，数量类设置有上限；详见 docs/editing.md“自定义图表”。',
    rules: {
      tooDeep: (max: number) => `嵌套超过 ${max} 层，不像是图表设置。`,
      expressionSyntax: '表达式无法解析，请检查括号、引号和运算符是否成对、完整。',
      expressionTooLong: (max: number) => `表达式超过 ${max} 个字符，请拆成几步 calculate。`,
      regex:
        '不能使用正则表达式（regexp()、test() 或 /…/ 写法）：某些正则表达式（如 ^(a+)+$）在特定文字上要计算几分钟以上，会让构建卡住。请改用 indexof()、lower() 等文字函数或 oneOf 筛选。',
      unboundedList: (fn: string) => `不能使用函数 ${fn}()：它生成的列表长度不受限制，一个大范围就能耗尽构建的内存。`,
      unrepeatable: (fn: string) => `不能使用函数 ${fn}()：它每次构建的结果都不同，已发布的图表会无缘无故变化。`,
      unknownFunction: (fn: string) => `不支持函数 ${fn}()。`,
      memberCall: '只能直接调用函数，例如 lower(datum.name)；不能写成 datum.name.toLowerCase() 这样“值.方法()”的调用。',
      machinery: (name: string) => `不能访问“${name}”：表达式只能读取数据的字段。`,
      computedMember: '方括号中只能写加引号的字段名或数字，例如 datum["合格率"]。',
      unknownName: (name: string) =>
        `不认识名称“${name}”：表达式中只能用 datum.字段名、width、height 和数学常数（如 PI）；文字请加引号。`,
      construct: '不支持这种写法：表达式只能包含字段、数字、文字、运算符、条件（? :）和函数调用。',
      pad: (max: number) => `pad() 的长度必须直接写成不超过 ${max} 的数字。`,
      numberAtMost: (key: string, max: number) => `“${key}”必须写成 0 到 ${max} 之间的数字。`,
      tickCount: (max: number, intervals: readonly string[]) =>
        `“tickCount”必须写成 0 到 ${max} 之间的数字，或时间间隔 ${intervals.join('、')}（可带不小于 1 的 step）。`,
      positive: (key: string) => `“${key}”必须是大于 0 的数字。`,
      bins: (max: number) => `按这个步长会分出超过 ${max} 个区间，请加大 step 或改用 maxbins。`,
      keyvals: (max: number) => `keyvals 的 start、stop、step 必须都是数字，且生成不超过 ${max} 个值。`,
      quantileStep: (min: number) => `分位数的 step 必须是不小于 ${min} 的数字（否则要计算的分位点过多）。`,
      repeat: (max: number) => `repeat 最多重复 ${max} 个字段。`,
      formatType: '“formatType”只能是 number、time 或 utc。',
      blend:
        '不能使用“blend”（混合模式）：它要写进 style 属性，而网站的内容安全策略禁止 style 属性，浏览器会忽略它，图表显示得与这里设计的不同。重叠的部分请用 opacity（透明度）表现。',
    },
    /** The trial render of each custom chart during validation (charts/chart-trial.ts). */
    trial: {
      timeout: (file: string, seconds: number) =>
        `自定义图表 ${file} 试画 ${seconds} 秒仍未画完，已停止：它要求的计算量过大（例如过多的刻度、分箱或数据行），构建会因此卡住。`,
      memory: (file: string, mb: number) =>
        `自定义图表 ${file} 试画时所需内存超过 ${mb} MB，已停止：它生成的数据或图形过多，构建会因此崩溃。`,
      expression: (file: string) => `自定义图表 ${file} 中有图表程序无法执行的表达式，画不出来。`,
      style: (file: string) =>
        `自定义图表 ${file} 画出的图形需要 style 属性，网站的内容安全策略禁止 style 属性，浏览器会忽略它，读者看到的图表与设计不同。`,
      spec: (file: string) =>
        `自定义图表 ${file} 画不出来：图表设置有误（例如图形类型、编码通道、字段类型或属性值写错）。`,
      unavailable: (file: string) =>
        `无法试画自定义图表 ${file}：试画需要 npm run 使用的 Node.js 24（请用 npm run check 或 npm run build 运行）。`,
      hint: '请对照 Vega-Lite 文档逐项检查这个图表文件，或先删去最近改动的部分再运行 npm run check，找出是哪一项引起的。',
    },
  },
  /** The project's files and folders (project.ts). */
  project: {
    placeholderUrl:
      'siteUrl 仍是 new-site 写入的占位地址 https://example.gov.cn/：网页的永久链接、引用格式和站点地图都会指向它。',
    placeholderUrlHint: '改为网站正式发布的地址，例如 https://www.example.gov.cn/zlbps/。',
    fileNotFound: '找不到文件。',
    noEditions: '没有任何年度版本（应有 content/editions/<年份>/edition.yaml）。',
    yearMismatch: (year: number, folder: string) => `年份 ${year} 与所在文件夹“${folder}”不一致。`,
    yearMismatchHint: '文件夹名必须是该版本的年份。',
    summaryTodo: `摘要（summary）中仍有“${TODO_MARK}”标记。`,
    summaryTodoHint: '按本年情况改写摘要后删除该标记再发布。',
    /** `reference` is the catalogue's own message about the id (ledger/indicator.ts). */
    /** A list of indicator ids in edition.yaml: `headline` (home and edition page) or `digest` (一图读懂). */
    figureLists: {
      headline: { label: '主要指标（headline）', shownOn: '首页和版本页' },
      digest: { label: '一图读懂指标（digest）', shownOn: '一图读懂' },
    },
    unknownListedFigure: (list: string, n: number, reference: string) => `${list}第 ${n} 项：${reference}`,
    listedFigureNotInLedger: (list: string, n: number, id: string, year: number, shownOn: string) =>
      `${list}第 ${n} 项“${id}”在 ${year} 年台账中没有记录，${shownOn}无法显示它。`,
    badChapterName: (name: string) => `文件名“${name}”不合规。`,
    chapterExtension: (name: string) => `章节文件“${name}”的扩展名应为小写的 .mdx，否则不会出现在网站上。`,
    unreadLedger: (name: string) => `“${name}”不会被读取：台账只读取与年度版本文件夹同名的 <年份>.csv。`,
    unreadLedgerHint: '新的一年请用 npm run new-edition 创建版本文件夹和台账；不用的文件请移出 data/ledgers/。',
    plainMarkdownHint:
      '章节统一写成 MDX 文档（与 Markdown 写法相同），请把扩展名改为 .mdx，再运行 npm run check：正文中需要改写的 < 和 { 它会逐处指出。',
    symlink: (link: string) => `“${link}”是符号链接（快捷方式）：网站只读取网站文件夹中的实际文件和文件夹。`,
    symlinkHint: '请把它指向的文件或文件夹本身复制到这里（符号链接可能指向网站以外的文件）。',
    duplicateSlug: (name: string, first: string) => `章节“${name}”与“${first}”去掉序号后同名，网址相同，只能保留一章。`,
    chapterNameHint: '章节文件名用序号加英文小写和连字符，例如 02-product-quality.mdx（会成为网址的一部分）。',
    noFrontMatter: '缺少文件开头的 --- 前言区（title、order）。',
    frontMatterHint: '文件第一行写 ---，随后 title: 章节标题、order: 序号，再以 --- 结束。',
    chapterTodo: `章节中仍有“${TODO_MARK}”标记。`,
    chapterTodoHint: '改写完成后删除该提示再发布。',
  },
  /**
   * `npm run new-edition` (new-edition.ts): its refusals, and the notes it writes into the new files for the
   * editor — messages to the editor that `npm run check` reminds of, not content of the white paper.
   */
  newEdition: {
    todoMark: TODO_MARK,
    nothingToCopy: '还没有任何年度版本可以复制。',
    exists: (path: string) => `${path} 已存在，不会覆盖。如需重新生成，请先手动删除或改名。`,
    editionComment: (to: string, from: string) =>
      `# ${to} 年版（草稿）：由 npm run new-edition 从 ${from} 年版生成。发布前把 status 改为 published，并核对发布日期。`,
    summary: (summary: string) => `（${TODO_MARK}）${summary}`,
    title: (region: string, year: number) => `${region}${year}年质量状况白皮书`,
    period: (year: number) => `${year}年1月1日至${year}年12月31日`,
    retitled: (title: string, period: string) =>
      `上一期的标题或统计期写有其他年份或已结束的规划，未逐字改写：标题设为“${title}”，统计期设为“${period}”，请核对。`,
    specNamesYear: (file: string, year: string) =>
      `自定义图表 ${file} 中写有 ${year}：如按年份筛选数据（例如 datum.period == ${year}），请改为新的年份。`,
    planSwitch: (plan: string, year: number, previous: string | null) =>
      `${year}年起对照${plan}规划：台账的目标取自${plan}规划当年的目标（规划末年目标另列）${previous ? `，不再沿用${previous}的目标` : ''}。`,
    planEnded: (plan: string, names: readonly string[]) =>
      `${names.length} 项只属于${plan}规划的指标未列入新台账：${names.join('、')}。如仍需报告，请在台账中补一行。`,
    retired: (names: readonly string[]) =>
      `${names.length} 项上年已不再统计或因政策调整不再开展的指标未列入新台账：${names.join('、')}。`,
    notCopied: (file: string) =>
      `${file} 是符号链接（快捷方式）或不是普通文件，没有复制到新一期：如章节需要这张图片，请把图片文件本身放进 images 文件夹。`,
    chapterNotice: (from: string, to: string) =>
      `> **${TODO_MARK}**：本章复制自 ${from} 年版，请按 ${to} 年的情况改写，改完后删除本提示。`,
  },
  /** `npm run new-site` (content/site-scaffold.ts): a site started from nothing. */
  newSite: {
    agency: (region: string) => `${region}市场监督管理局`,
    siteTitle: (region: string) => `${region}质量状况白皮书`,
    siteComment:
      '# 网站信息（由 npm run new-site 生成）。请逐项核对：siteUrl 改为网站正式发布的地址，补全联系方式；数据许可按本单位规定填写。',
    licenceName: '知识共享署名 4.0 国际许可协议（CC BY 4.0）',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
    editionComment: (year: number) =>
      `# ${year} 年版（草稿）：由 npm run new-site 生成。发布前把 status 改为 published，并核对发布日期。`,
    editionSummary: (region: string, year: number) =>
      `${year}年${region}质量工作的主要进展、指标完成情况和存在的不足。`,
    chapterNotice: (guide: string) => `> **${TODO_MARK}**：${guide}写好后删除本提示。`,
    /** The usual chapters of a 质量状况白皮书; slugs are the pages' addresses. */
    chapters: [
      {
        slug: 'overview',
        title: '总体情况',
        summary: '全年质量工作的主要进展和指标完成情况。',
        guide:
          '概述全年质量工作与主要指标的完成情况；可用 `<StatusSummary />` 和 `<Chart kind="domains" />` 展示完成情况。',
      },
      {
        slug: 'product-quality',
        title: '产品质量',
        summary: '农产品、食品和工业产品的质量状况。',
        guide: '写农产品、食品药品和工业产品的抽检合格率等情况；台账中的数字用 `<Value id="指标编号" />` 引用。',
      },
      {
        slug: 'engineering-quality',
        title: '工程质量',
        summary: '建设工程、交通和水利工程的质量状况。',
        guide: '写建设、交通、水利工程的验收合格率等情况。',
      },
      {
        slug: 'service-quality',
        title: '服务质量',
        summary: '生产性、生活性服务业的质量和满意度。',
        guide: '写服务业顾客满意度、服务标准化等情况。',
      },
      {
        slug: 'environment-quality',
        title: '环境质量',
        summary: '大气、水和污染物排放等环境质量状况。',
        guide: '写空气、水环境质量和主要污染物减排等情况。',
      },
      {
        slug: 'outlook',
        title: '存在的问题与下一步工作',
        summary: '尚未完成的目标和下一年度的工作安排。',
        guide: '写未完成的目标、原因和下一年度的工作安排。',
      },
    ],
    exists: (path: string) => `${path} 已存在：new-site 只在空文件夹中新建站点，不会覆盖已有文件。`,
  },
  /** `npm run check`: figures written as text in chapters, compared with the ledger (prose-figures.ts). */
  proseFigures: {
    differs: (name: string, written: string, period: string, ledger: string) =>
      `正文写“${name}”为 ${written}，而台账 ${period} 年为 ${ledger}。`,
    useValue: (tag: string) => `请核对；改用 ${tag} 引用台账，数字就会与台账一致。`,
  },
  /** `npm run import-chapter` (word-chapter.ts): what a Word draft's conversion could not keep as it was. */
  wordChapter: {
    unknownStyle: (paragraph: boolean, style: string) =>
      `${paragraph ? '段落' : '文字'}样式“${style}”没有对应的格式，已按普通${paragraph ? '段落' : '文字'}转换（文字保留）。`,
    converter: (message: string) => `转换提示：${message}`,
    unsafeLink: (text: string, href: string) =>
      `链接“${text}”的地址 ${href} 不是网址（只允许 http、https、mailto），已去掉链接，只保留文字。`,
    mergedCells: (n: number) =>
      `第 ${n} 个表格有合并单元格：网页表格不能合并，合并格的文字只保留在第一格，其余为空，请核对表头。`,
    tooDeep: (depth: number, limit: number) =>
      `草稿中的表格、列表或其他内容嵌套了 ${depth} 层，超过 ${limit} 层的上限。请在 Word 中去掉表格中套表格等多层嵌套后重新保存。`,
    pictureType: (n: number, type: string, alt: string) =>
      `第 ${n} 张图片${alt ? `（${alt}）` : ''}是 ${type} 格式，网页无法显示，未转入：请在 Word 中把它另存为 PNG 或 JPG 图片后重新插入。`,
  },
  /** `npm run import` (form-import.ts, ledger-merge.ts): filled forms and ledgers read back into the ledger. */
  imports: {
    where: (file: string, sheet: string, cell: string) => `${file} › ${sheet}${cell ? `!${cell}` : ''}`,
    notSupported: (extension: string) =>
      `不能导入 ${extension || '无扩展名的'} 文件：只能导入填报表或台账（.xlsx 或 .csv）。`,
    notSupportedHint: '旧版 .xls 或 WPS .et 文件，请用“另存为 → Excel 工作簿 (*.xlsx)”后再导入。',
    unreadable: (why: string) => `无法读取这个 Excel 文件（${why}）。`,
    unreadableHint: '请确认文件已完整保存、没有设置打开密码；可在 Excel 或 WPS 中打开后另存为 .xlsx 再试。',
    notAForm: (sheet: string) => `不是填报表，也不是台账：没有“${sheet}”工作表，第一张工作表的第一行也不是台账的列名。`,
    notAFormHint: (columns: readonly string[]) =>
      `请导入 npm run forms 生成、各部门填好的填报表；或第一行为 ${columns.join(',')} 的台账。`,
    noIdentity: (sheet: string) => `填报表缺少“${sheet}”工作表，无法确认数据年度和填报单位。`,
    otherYear: (written: string, year: number) => `这是“${written}”年度的填报表，不是 ${year} 年的。`,
    otherYearHint: (year: number, root: string) =>
      `请确认文件是否放错；${year} 年的填报表用 ${npmRun('forms', [String(year)], root)} 生成。`,
    /** Each department quoted: a name may itself hold 、 (区市场监管局、区统计局). */
    unknownDepartment: (department: string, known: readonly string[]) =>
      `填报单位“${department}”不在 ${known.length} 个填报部门之中（${known.map((name) => `“${name}”`).join('、')}）。`,
    unknownDepartmentHint:
      '填报单位由 npm run forms 写好，请勿修改；如部门名称有变，请先改指标目录的 source 列，再重新生成填报表。',
    otherDepartment: (id: string, owner: string, department: string) =>
      `指标 ${id} 由“${owner}”填报，不属于“${department}”的填报表。`,
    otherDepartmentHint: '请勿在填报表之间复制粘贴整行；每个部门只填写自己表中的指标。',
    headerChanged: (column: number, expected: string, written: string) =>
      `第 ${column} 列的列名应为“${expected}”，这里是“${written}”：填报表的列被改动，或来自另一年度。`,
    headerHint: '请勿插入、删除或移动列；用本年度的填报表重新填写。',
    extraColumn: (written: string, columns: number) =>
      `多出的列“${written}”：这张工作表只读取规定的 ${columns} 列，这一列的内容不会导入。`,
    extraColumnHint: '补充说明请写在“备注”列。',
    unknownColumn: (name: string) => `“${name || '（空白列名）'}”不是台账的列名：这一列的内容无法导入。`,
    extraRow: '多出的行：这一行没有指标编号，但填写了内容。',
    extraRowHint: '填报表只读取已列出的指标；新增指标需先加入指标目录和台账，再重新生成填报表。',
    unknownRow: (id: string) => `多出的行：指标编号“${id}”不在本年度的台账中。`,
    extraCategoryRow: '多出的行：这一行没有类别编号，但填写了内容。',
    extraCategoryRowHint:
      '分类统计表只读取已列出的类别；新增类别请由编辑先加入本年度的分类表文件，再重新生成填报表，或在“备注”中说明。',
    unknownCategory: (id: string) => `多出的行：类别编号“${id}”不在本年度的分类表中。`,
    missingCategory: (id: string, name: string) => `缺少类别 ${id}（${name}）这一行：该类别这次不会导入任何内容。`,
    extraSheet: (sheet: string) => `工作表“${sheet}”不是这份填报表的工作表：其中的内容不会导入。`,
    extraSheetHint:
      '填报表只读取“填报表”和本部门的分类统计表；请把数据填在这些工作表中，或由编辑核对分类表的数据来源。',
    missingSheet: (sheet: string) => `缺少分类统计表工作表“${sheet}”：这张表这次不会导入任何内容。`,
    missingSheetHint: '请勿删除或重命名填报表中的工作表；用本年度的填报表重新填写。',
    lockedCategoryHint: (file: string) =>
      `类别编号、名称和上级类别由编辑在 ${file} 中修改，再重新生成填报表；部门的说明请写在“备注”中。`,
    missingRow: (id: string, name: string) => `缺少指标 ${id}（${name}）这一行：该指标这次不会导入任何内容。`,
    missingRowHint: '请勿删除填报表中的行；暂无数据的指标留空并在“备注”说明。',
    merged: (range: string) => `合并单元格 ${range}：合并后只有左上角单元格有内容，其余单元格的数据会丢失。`,
    mergedHint: '请取消合并（开始 → 合并后居中 → 取消单元格合并），每个指标各填一行。',
    numberAsText: (text: string) => `数值“${text}”存成了文本，不是数字。`,
    numberAsTextHint: (number: string) =>
      `请改为数字 ${number}（不带单位）：在 Excel 中选中单元格，点左上角的感叹号选“转换为数字”，或删除后重新输入。`,
    percentFormat: (shown: string, stored: number) =>
      `单元格显示为“${shown}”，但实际存的是 ${stored}：在设为百分比格式的单元格里输入了“%”。`,
    percentFormatHint: (number: string) => `本列只填数字，单位见“单位”列：请把单元格格式改为“常规”，再输入 ${number}。`,
    numberOutOfRange: (number: string) =>
      `数值 ${number} 超出台账可写的范围（绝对值小于 10 的 15 次方，最多 15 位有效数字）：可能是误输入或公式出错。`,
    numberOutOfRangeHint: '请核对后填写实际数值（单位见“单位”列）。',
    formulaWithoutResult: '单元格是公式，但文件中没有保存计算结果。',
    formulaHint: '请复制该单元格，再“选择性粘贴 → 数值”，保存后重新导入。',
    errorValue: (value: string) => `单元格是错误值 ${value}，不是数字。`,
    dateValue: '单元格是日期，不是数值或文字。',
    dateHint: '请把单元格格式改为“常规”或“文本”后重新输入。',
    lockedChanged: (column: string, written: string, expected: string) =>
      `锁定的“${column}”被改成了“${written}”（原为“${expected}”）：这一列不从填报表导入，改动不会生效。`,
    lockedChangedHint: (catalogue: string) =>
      `指标编号、名称、单位和统计口径由编辑在 ${catalogue} 中修改，再重新生成填报表。`,
    duplicate: (id: string, period: string, first: string) =>
      `指标 ${id} 的 ${period} 年数据重复：已从 ${first} 导入。`,
    duplicateCategory: (category: string, first: string) => `类别 ${category} 的数据重复：已从 ${first} 导入。`,
    duplicateHint: '同一指标或类别只保留一份；请删除重复的行或文件。',
    noLedger: (file: string, year: number) => `没有 ${file}：还没有 ${year} 年版。`,
    noLedgerHint: (year: number, root: string) => `请先运行 ${npmRun('new-edition', [String(year)], root)}。`,
    symlink: '这是符号链接（快捷方式），不会导入：文件夹中只导入真实的文件，不跟随链接读取别处的文件。',
    symlinkHint: '请把真正的填报表或台账复制到这个文件夹中，再重新导入。',
    notAFile: '这不是普通文件（是文件夹或设备），不会导入。',
    tooManyCells: (count: number, limit: number) =>
      `工作表有 ${count} 个填写了内容的单元格，超过导入上限 ${limit} 个：不像是填报表或台账。`,
    tooManyCellsHint: '请只保留需要导入的行和列，删除多余的内容后另存，再重新导入。',
  },
  /** Reading editors' Office files and writing any file (write-whole.ts, office-file.ts): the site's boundary. */
  files: {
    empty: '文件是空的（0 字节）',
    oldOrEncrypted: (old: string) => `这是旧版 ${old} 文件，或是设置了打开密码的文件`,
    notZip: '文件内容不是 Office 文档格式（可能只是改了扩展名）',
    notThisKind: (kind: 'xlsx' | 'docx') => `这是一个压缩包，但不是 ${kind === 'xlsx' ? 'Excel 工作簿' : 'Word 文档'}`,
    tooLarge: (megabytes: number, limit: number) => `解压后有 ${megabytes} MB，超过 ${limit} MB 的上限`,
    corrupt: '文件已损坏或不完整',
    notAFile: '这不是普通文件（是文件夹或设备）',
    outsideRoot: (file: string) => `${file} 不在站点文件夹之内，不会写入。`,
    linkOutside: (folder: string) =>
      `${folder} 是指向站点文件夹之外的符号链接（快捷方式）：不会通过它写入文件。请把它换成真实的文件夹。`,
    brokenLink: (folder: string) =>
      `${folder} 是失效的符号链接（快捷方式）：不会通过它写入文件。请删除它或换成真实的文件夹。`,
    notAFolder: (folder: string) => `${folder} 不是文件夹，无法在其中写入文件。`,
    isAFolder: (file: string) => `${file} 是一个文件夹，不能写成文件。`,
    notWritten: (why: string) => `没有写入任何文件：${why}`,
  },
  /** The npm scripts' arguments, usage and progress lines (cli-args.ts, scripts/*.ts). */
  cli: {
    /** A command stopped with Ctrl-C: what was written whole stays; dist/ is replaced only by a finished build. */
    interrupted: '\n已中断（Ctrl-C）：命令没有完成。网站只在构建完成时才替换，现有的 dist/ 保持不变。',
    unknownOption: (option: string) => `没有选项 ${option}。`,
    badArgument: (argument: string) => `参数有误：${argument}。`,
    notAYear: (value: string) => `“${value}”不是年份。`,
    missingYear: '缺少年份。',
    missingFile: '缺少文件。',
    /** A path typed that is not there; `inSite` the same path inside the site, as it is typed, when that exists. */
    notFound: (path: string, inSite: string | null) =>
      `找不到 ${path}。${inSite ? `路径从当前文件夹算起：站点文件夹中的这个位置请写作 ${inSite}。` : ''}`,
    withUsage: (problem: string, usage: string) => `${problem}\n用法：${usage}`,
    build: {
      usage:
        'npm run build [-- --root 站点目录] [--timings 计时.json]，例如 npm run build -- --root examples/dongtou（--timings 把各阶段用时写入 JSON 文件，供 npm run bench 读取）',
      stopped: '构建已停止：现有的 dist/ 保持不变。',
      fixAndRerun: '请按上面的提示修改后重新运行 npm run build。',
      built: (dir: string, editions: number) => `网站已生成：${dir}（${editions} 个年度版本）`,
      locked: (pid: number | null) =>
        `另一个构建正在进行${pid ? `（进程 ${pid}）` : ''}，本次不再开始。请等它结束后再运行 npm run build。`,
      cannotWrite: (path: string, code: string) =>
        `无法写入 ${path}（${code}）：请检查项目文件夹是否只读、磁盘是否已满，以及当前用户是否有写入权限。`,
      cannotReplace: (dir: string, why: string) =>
        `无法用新生成的网站替换 ${dir}（${why}）：请检查该文件夹是否只读或正被其他程序占用。`,
    },
    check: {
      usage: 'npm run check [-- --root 站点目录]，例如 npm run check -- --root examples/dongtou',
      passed: (indicators: number, editions: ReadonlyArray<{ year: number; draft: boolean }>) =>
        `检查通过：${indicators} 项指标，${editions.length} 个年度版本（${editions.map((e) => `${e.year}${e.draft ? '草稿' : ''}`).join('、')}）。`,
    },
    ledger: {
      usage:
        'npm run ledger -- <年份> [--out 文件名.csv] [--root 站点目录]，例如 npm run ledger -- 2025 --out 2025核对.csv',
      noEdition: (year: number, years: readonly number[]) => `没有 ${year} 年版。可选年份：${years.join('、')}`,
      written: (file: string, indicators: number) => `已写入 ${file}（${indicators} 项指标，可用 Excel 直接打开）`,
    },
    newSite: {
      usage:
        'npm run new-site -- <文件夹> --region <地区> --year <首期年份> [--agency <发布机构>] [--url <网址>]，例如 npm run new-site -- sites/tongling --region 铜陵市 --year 2015',
      missingFolder: '请写出新站点的文件夹。',
      missingRegion: '请用 --region 写出地区名称，例如 --region 铜陵市。',
      notCreated: (why: string) => `未创建：${why}`,
      created: (file: string) => `已创建 ${file}`,
      nextSteps: (folder: string, year: number) =>
        [
          `\n新站点已创建，${year} 年版为草稿。下一步（详见 docs/editing.md“从零开始”）：`,
          `  1. 核对 ${folder}/content/site.yaml（网址、联系方式）`,
          `  2. 在 ${folder}/data/indicators.csv 中列出指标；有规划的，在 ${folder}/data/plans/ 中写规划及其目标`,
          `  3. 在 ${folder}/data/ledgers/${year}.csv 中填写数值，或用 ${npmRun('forms', [String(year)], folder)} 生成填报表`,
          `  4. 改写各章节，删除“${TODO_MARK}”提示；${npmRun('check', [], folder)} 检查，WHITE_PAPER_ROOT=${typedArgument(folder)} npm run dev 预览`,
          `  5. 在 edition.yaml 中把 status 改为 published，再 ${npmRun('build', [], folder)}`,
        ].join('\n'),
    },
    newEdition: {
      usage: 'npm run new-edition -- <年份> [--root 站点目录]，例如 npm run new-edition -- 2025',
      notCreated: (why: string) => `未创建：${why}`,
      created: (file: string) => `已创建 ${file}`,
      /** The files and `--root` as the editor types them (`root` '' for the working directory's site). */
      nextSteps: (
        year: number,
        { root, forms, ledger, edition }: { root: string; forms: string; ledger: string; edition: string },
      ) => {
        const y = String(year);
        return `\n${year} 年版已作为草稿创建。下一步（详见 docs/editing.md）：\n  1. 数据：${npmRun('forms', [y], root)} 生成各部门填报表，收回后 ${npmRun('import', [y, forms], root)}；也可直接在 ${ledger} 中填写 value 列（目标已按规划或上年预先填入）\n  2. 章节：改写各章节，删除“${TODO_MARK}”提示；Word 草稿可用 ${npmRun('import-chapter', [y, '草稿.docx'], root)} 转入\n  3. ${npmRun('check', [], root)} 检查；${root ? `WHITE_PAPER_ROOT=${typedArgument(root)} ` : ''}npm run dev 预览（草稿只在预览中可见）\n  4. 在 ${edition} 中把 status 改为 published，再 ${npmRun('build', [], root)}`;
      },
    },
    forms: {
      usage: 'npm run forms -- <年份> [--root 站点目录]，例如 npm run forms -- 2025',
      noDraft: (year: number, root: string) =>
        `还没有 ${year} 年版。请先运行 ${npmRun('new-edition', [String(year)], root)}，再生成填报表。`,
      written: (file: string, indicators: number) => `已生成 ${file}（${indicators} 项指标）`,
      noSource: (count: number, catalogue: string, file: string) =>
        `${count} 项指标在 ${catalogue} 中没有填写 source（数据来源），合在 ${file} 一张表中；在 source 列填写提供数据的部门后重新生成，即按部门分表。`,
      sameFileName: (file: string, first: string, second: string) =>
        `部门“${first}”和“${second}”的填报表都会命名为 ${file}，一份会覆盖另一份；没有生成任何填报表。`,
      sameFileNameHint: (catalogue: string) =>
        `请在 ${catalogue} 的 source 列把其中一个部门名称改得可以区分（文件名中的 \\ / : * ? " < > | 和空格都会变成 _，大小写不区分）。`,
      done: (count: number, dir: string) =>
        `共 ${count} 个部门的填报表，在 ${dir}/ 下。发给各部门填写后，收回放在同一文件夹。`,
    },
    import: {
      usage:
        'npm run import -- <年份> <填报表或文件夹…> [--replace] [--root 站点目录]，例如 npm run import -- 2025 forms/2025',
      noFiles: '没有给出要导入的文件。',
      fixLedgerFirst: (file: string) => `没有导入：${file} 或本年度版本本身有错误（见上），请先改正，再导入填报表。`,
      emptyFolder: (dir: string) => `${dir} 中没有 .xlsx 或 .csv 文件。`,
      stopped: (files: readonly string[]) =>
        `没有导入：${files.join('、')} 保持不变。请按上面的提示修改填报表后重新导入。`,
      changesNeedReplace: (count: number) =>
        `以下 ${count} 个单元格与台账中已有的数值不同；为免误覆盖，本次没有写入任何内容：`,
      replaceHint: (command: string) => `核对无误后，加 --replace 重新运行即可覆盖：${command}`,
      /** The same import again, with --replace, as the editor types it (`paths` as typed). */
      replaceCommand: (year: number, paths: readonly string[], root: string) =>
        npmRun('import', [String(year), ...paths, '--replace'], root),
      change: (where: string, id: string, period: string, column: string, before: string, after: string) =>
        `  ${where}  ${id} ${period}年 ${column}：${before || '（空）'} → ${after || '（空）'}`,
      replaced: (count: number) => `已覆盖 ${count} 个单元格：`,
      /** A breakdown's cell: the file, the category and the measure (its column). */
      breakdownChange: (where: string, file: string, category: string, column: string, before: string, after: string) =>
        `  ${where}  ${file} ${category} ${column}：${before || '（空）'} → ${after || '（空）'}`,
      unchanged: (files: readonly string[]) => `没有变化：${files.join('、')} 已与这些文件一致，未改动。`,
      written: (files: readonly string[], filled: number, added: number, root: string) =>
        `已写入 ${files.join('、')}：填入 ${filled} 个单元格${added ? `，新增 ${added} 行` : ''}。下一步：${npmRun('check', [], root)}。`,
    },
    importChapter: {
      usage:
        'npm run import-chapter -- <年份> <草稿.docx> [--name 02-product-quality] [--replace] [--root 站点目录]，例如 npm run import-chapter -- 2025 产品质量.docx',
      notDocx: (path: string) =>
        `${path} 不是 .docx 文件。旧版 .doc 或 WPS .wps 文件，请先“另存为 → Word 文档 (*.docx)”。`,
      unreadable: (path: string, why: string) =>
        `无法读取 ${path}（${why}）：请确认它是完整保存的 Word 文档，没有设置打开密码。`,
      cannotConvert: (path: string, why: string) => `无法转换 ${path}：${why}`,
      noEdition: (year: number, root: string) =>
        `还没有 ${year} 年版。请先运行 ${npmRun('new-edition', [String(year)], root)}。`,
      badName: (name: string) =>
        `章节文件名“${name}”不可用：只能用小写字母、数字和连字符，以两位序号开头，如 02-product-quality。`,
      /** One chapter a line, by file name and title: a title may itself hold 、 or quotes. */
      needName: (title: string, chapters: ReadonlyArray<{ name: string; title: string }>) =>
        (chapters.length
          ? `本年度没有标题为《${title}》的章节。现有 ${chapters.length} 章：\n${chapters.map((c) => `  ${c.name}《${c.title}》\n`).join('')}要用草稿替换其中一章，请用 --name 加它的文件名（不带 .mdx）；`
          : '') + '新章节请用 --name 指定文件名，如 --name 07-new-topic。',
      exists: (file: string) =>
        `${file} 已经改写过（不再是 new-edition 复制的原样），本次没有覆盖。确认要用 Word 草稿替换它，请加 --replace 重新运行。`,
      refused: (file: string) => `转换结果未通过检查，${file} 没有写入：`,
      pictureExists: (file: string) =>
        `${file} 已存在，本次没有覆盖（章节也没有写入）。确认要用 Word 草稿中的图片替换它，请加 --replace 重新运行。`,
      written: (file: string, title: string) => `已写入 ${file}（${title}）`,
      replacedCopy: (file: string) => `（替换了 new-edition 复制的上年章节 ${file}）`,
      summaryDropped: (summary: string) =>
        `原章节的一句话摘要未沿用（“${summary}”）：如需要，请在新章节开头的前言区加一行 summary: …`,
      image: (file: string, alt: string) =>
        `  图片 ${file}${alt ? `：${alt}` : '：没有替代文字，请在章节中补写图片说明 ![说明](…)'}`,
      bound: (count: number) => `${count} 处数字已改为引用台账：`,
      boundFigure: (line: number, name: string, written: string, tag: string) =>
        `  第 ${line} 行 ${name} ${written} → ${tag}`,
      unbound: '正文中没有与台账数值一致、可改为 <Value> 的数字。',
      unconverted: (count: number) => `${count} 处内容未能原样转换，请在章节中核对：`,
      missing: (text: string) => `  未能转换的文字：${text}`,
      next: (file: string, root: string) => `下一步：打开 ${file} 核对，再运行 ${npmRun('check', [], root)}。`,
    },
    bench: {
      install: (command: string, run: number, runs: number, dir: string) =>
        `在新克隆的仓库中运行 ${command}（npm 缓存已有；第 ${run}/${runs} 次）：${dir}`,
      testTools: (dir: string) => `补装测试工具（npm run test-tools）：${dir}`,
      demo: (warm: boolean, run: number, runs: number, dir: string) =>
        `${warm ? '再次构建演示站点（内容未变，缓存已有）' : '从零构建演示站点（无 PDF、图片、Astro 缓存，无 dist）'}（第 ${run}/${runs} 次）：${dir}`,
      baseline: (pages: number, dir: string) => `构建同等页数（${pages} 页）的纯 Astro 基线：${dir}`,
      indicatorCorpus: (indicators: number, editions: number, chapters: number, dir: string) =>
        `构建指标规模测试（${indicators} 项指标 × ${editions} 期 × ${chapters} 章）：${dir}`,
      stopped: (seconds: number) => `构建超过 ${seconds} 秒，已停止（结果记为未达标）`,
      buildFailed: (dir: string, output: string) =>
        `构建失败（${dir}；结果记为未达标，其余测试继续）。输出的最后部分：\n${output}`,
      lighthouse: (pages: number) => `Lighthouse：${pages} 类页面，手机和电脑`,
      corpus: (editions: number, indicators: number, chapters: number, dir: string) =>
        `构建大规模语料（${editions} 期 × ${indicators} 项指标 × ${chapters} 章）：${dir}`,
      ledgerCorpus: (rows: number, dir: string) => `构建台账规模序列（${rows} 行台账）：${dir}`,
      breakdownCorpus: (categories: number, years: number, dir: string) =>
        `构建分类数据规模测试（${categories} 个分类 × 5 项 × ${years} 期）：${dir}`,
      pdf: (year: number, printed: string, pages: number, bytes: number) =>
        `${year}: ${printed}, ${pages} 页, ${formatFileSize(bytes)}`,
    },
  },
  /** Errors of rendering that `npm run check` cannot see, and the build's own (site.ts, components, pages). */
  build: {
    hasErrors: (report: string) => `内容或数据有错误，无法生成网站：\n${report}`,
    onlyInEdition: (component: string) => `<${component}> 只能用在年度版本的章节中。`,
    noEntry: (component: string, id: string, year: number) =>
      `<${component} id="${id}"> ：${year} 年台账中没有该指标的记录。`,
    unknownIndicator: (component: string, id: string) => `<${component} id="${id}">：指标目录中没有该编号。`,
    chapterNotFound: (file: string) => `找不到章节 ${file}`,
    /**
     * What the chart library (Vega-Lite, Vega) warned of while drawing a chart (charts/chart-svg.ts), its
     * own words quoted for whoever looks into it: there are too many of them to word each here.
     */
    chartWarning: (title: string, edition: number, warning: string) =>
      `警告：${edition}年版图表“${title}”绘制时，图表程序提示图表可能与设计不同（Vega-Lite 原文：${warning}）。\n` +
      '  提示：自定义图表请对照 Vega-Lite 文档检查其 .vl.json 文件中相关的设置；系统生成的图表（趋势、对比、各领域完成情况）出现这条警告，请告知网站维护人员。',
    reloaded: (file: string) => `已重新读取 ${file}`,
  },
  /** The search index and the PDF edition, built after the pages (integrations, publish/). */
  publish: {
    searchStartFailed: (why: string) => `Pagefind 无法启动：${why}`,
    searchPageFailed: (url: string, why: string) => `Pagefind 索引 ${url} 失败：${why}`,
    searchWriteFailed: (why: string) => `Pagefind 写入索引失败：${why}`,
    searchIndexed: (pages: number, seconds: number) => `搜索索引：${pages} 个页面，${seconds.toFixed(1)} 秒`,
    noBrowser: (pdfSwitch: string) =>
      '生成 PDF 版需要 Chrome 或 Chromium，但没有找到。\n' +
      '  · Debian/Ubuntu：sudo apt-get install chromium\n' +
      '  · 已安装在其他位置：CHROME_PATH=/path/to/chrome npm run build\n' +
      `  · 暂不生成 PDF：${pdfSwitch}=off npm run build（网站照常生成，页面上不显示 PDF 下载）`,
    browserFailed: (path: string, why: string, pdfSwitch: string) =>
      `无法启动浏览器 ${path}，PDF 版无法生成（${why}）。\n` +
      '  · 检查 CHROME_PATH 是否指向 Chrome 或 Chromium 的可执行文件\n' +
      `  · 暂不生成 PDF：${pdfSwitch}=off npm run build`,
    pdfSkipped: (pdfSwitch: string) => `已按 ${pdfSwitch}=off 跳过 PDF 版。`,
    /** The share pictures (一图读懂, every chart as a picture): how many, how many drawn afresh, their bytes. */
    picturesDrawn: (pictures: number, drawn: number, size: string) =>
      `已生成 ${pictures} 张分享图片（PNG，共 ${size}；其中 ${drawn} 张重新绘制，其余取自缓存）。`,
    pictureFontsMissing: (file: string) =>
      `生成分享图片需要系统的思源黑体（Noto Sans CJK）字体，没有找到 ${file}。\n` +
      '  · Debian / Ubuntu：sudo apt-get install fonts-noto-cjk\n' +
      '  · 安装后重新运行 npm run build',
    pictureMissingGlyphs: (file: string, characters: string) =>
      `图片 ${file} 中有字体不含的字符“${characters}”，图片上这些字会缺失。请改用常用字，或在相应文字中说明。`,
    tocPagesMissing: (targets: string[]) => `目录页码缺失：${targets.join('、')}`,
    /** The printing browser asked for something that is not a file of the site (a picture's address, a frame). */
    printBlocked: (page: string, urls: readonly string[]) =>
      `打印 ${page} 时，页面请求了网站以外的地址，已全部拦截，PDF 版没有生成：${urls.join('、')}。生成网站时不会访问网络；请改用本年度文件夹中的图片文件。`,
    printCspViolations: (page: string, violations: readonly string[]) =>
      `打印 ${page} 时，页面有内容被内容安全策略（CSP）拦截，PDF 版没有生成：${violations.join('；')}。`,
    printFailed: (page: string, why: string) =>
      `打印 ${page} 失败（${why}）。常见原因是章节中有极长的段落或极大的图片；请运行 npm run check 查看。`,
    /** Chromium failed while printing (its renderer killed for memory, as a 445-page edition three at once was). */
    printCrashed: (page: string, why: string, pdfSwitch: string) =>
      `打印 ${page} 时浏览器出错（${why}）。页数很多的年度版本打印时需要较多内存（445 页约 4 GB）。\n` +
      '  · 关闭其他占用内存的程序后重新运行 npm run build\n' +
      `  · 暂不生成 PDF：${pdfSwitch}=off npm run build`,
    taggingIncomplete: (problems: string[]) => `PDF 的无障碍标记不完整：${problems.join('；')}。`,
    taggingFigures: (tagged: number, charts: number) => `结构树中有 ${tagged} 个图形，打印页上有 ${charts} 张图表`,
    taggingLink: (page: number) => `第 ${page} 页有一个链接找不到目标`,
    factsSlotMissing: (file: string) => `版本页缺少填写 PDF 大小和页数的位置（data-pdf-facts）：${file}`,
    /** One edition done; `printMs` is undefined when the cached PDF was reused. */
    pdfEdition: (year: number, pages: number, bytes: number, printMs: number | undefined) =>
      `PDF ${year}年版：${pages} 页，${formatFileSize(bytes)}（${printMs === undefined ? '内容未变，沿用上次生成的 PDF' : `${(printMs / 1000).toFixed(1)} 秒`}）`,
    pdfTotal: (editions: number, ms: number) => `PDF 版共 ${editions} 期，用时 ${`${(ms / 1000).toFixed(1)} 秒`}`,
  },
};
