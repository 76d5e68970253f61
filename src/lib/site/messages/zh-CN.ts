import { formatFileSize } from '../file-size.ts';

/** What the white paper is called: a keyword of the PDF and of the data package. */
const GENRE = '质量状况白皮书';

const DIGITS = '零一二三四五六七八九';
const bracketed = (text: string) => `（${text}）`;
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (chapter numbers up to 99). */
function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The zh-CN message catalogue: every user-visible string of the site, charts, feed, downloads and PDF. */
export const zhCN = {
  lang: 'zh-CN',
  status: {
    met: '已完成',
    not_met: '未完成',
    in_progress: '推进中',
    discontinued: '不再统计',
    policy_changed: '政策调整',
    not_assessed: '未评估',
  },
  statusBy: { computed: '系统计算', editor: '编辑填写' },
  /** Progress towards a plan's end-year target by pace (ledger/progress.ts has the thresholds). */
  /** A target against a base year or period: the base's value and the limit it implies (model/format.ts#formatBaseline). */
  baseline: {
    text: (period: string, value: string, op: '<=' | '>=', limit: string) =>
      `基数：${period}年${value}，即${op === '<=' ? '不高于' : '不低于'}${limit}`,
    missing: (period: string) => `基数：台账中没有${period}年的数值`,
  },
  /** A target that is one part of a cell the plan printed for several indicators. */
  printedCell: (cell: string) => `规划原文：${cell}`,
  /** Progress measured from a later year than the plan's base, for want of a value in the base year. */
  paceFrom: (year: number) => `（自${year}年起算）`,
  progress: {
    achieved: '已提前达到',
    on_track: '进度正常',
    slow: '进度偏慢',
    off_track: '偏离目标',
  },
  plan: {
    label: '规划',
    progress: '进度',
    /** The plan an edition reports against, with its years (`chart.planYears`) unless its name states them. */
    reportsAgainst: (name: string, years: string | null) => `本版对照《${name}》${years ? `（${years}）` : ''}`,
    finalYear: '报告规划完成情况',
    middleYear: (end: number) => `报告${end}年规划目标的进度`,
    source: (title: string, publisher: string, date: string) =>
      `规划来源：${publisher ? `${publisher}，` : ''}《${title}》${date ? `，${date}` : ''}。`,
    column: (short: string, year: number) => `${short}目标（${year}年）`,
    /** A count over the plan's years: what is done so far of the target. */
    soFar: (value: string) => `已累计 ${value}`,
    kinds: { end: '规划期末', stage: '阶段末', annual: '年度', cumulative: '规划期累计', base: '较基期' },
    /** The edition of the year a plan's stage ends: its table is the stage's completion table. */
    stageEnds: (stage: string, planEnd: number) =>
      `，本年是规划${stage}阶段的最后一年：表中“目标”一列是该阶段的目标，规划期末（${planEnd}年）的目标另列`,
    targetsTitle: '各规划中的目标',
    year: '目标年份',
    nameInPlan: '规划中的指标名称',
    kind: '目标类型',
    progressNote:
      '进度按规划基期以来的年均变化与达到目标所需的年均变化之比判断：达到所需的 95% 及以上为“进度正常”，低于 95% 为“进度偏慢”，没有向目标变化为“偏离目标”，已达到期末目标为“已提前达到”。',
  },
  year: (year: number | string) => `${year}年`,
  editionLabel: (year: number | string) => `${year}年版`,
  ofYear: (year: number | string, what: string) => `${year}年${what}`,
  readEdition: (year: number) => `阅读${year}年白皮书`,
  editionListMeta: (indicators: number, chapters: number) => `${indicators} 项指标 · ${chapters} 章`,
  siteDescription: (agency: string, siteTitle: string) => `${agency}发布的${siteTitle}`,
  feedDescription: (agency: string, siteTitle: string) => `${agency}发布的历年${siteTitle}`,
  rss: 'RSS 订阅',
  mainNav: '主导航',
  draftNotice: '：本版本尚未发布，仅在本地预览中可见。',
  filter: '筛选',
  count: (n: number) => `${n} 项`,
  titleWithPeriod: (title: string, period: string | number) => `${title}（${period}年）`,
  date: (year: number, month: number, day: number) => `${year}年${month}月${day}日`,
  /**
   * A change on the previous year in words (提高0.4个百分点, 增加3家); `amount` is formatted, unsigned;
   * `counted`: the unit counts whole things (ledger/unit.ts#countsThings).
   */
  change: {
    none: '持平',
    by: (up: boolean, amount: string, unit: string, counted: boolean) =>
      unit === '%'
        ? `${up ? '提高' : '下降'}${amount}个百分点`
        : `${counted ? (up ? '增加' : '减少') : up ? '提高' : '下降'}${amount}${unit}`,
  },
  chapterNumeral: chineseNumeral,
  switcherCurrent: (year: number) => `：${year}年版`,
  switcherDraft: (draft: string) => `（${draft}）`,
  /** A chapter's footnotes (from Word drafts): the heading read to screen readers and each back link. */
  footnotes: {
    label: '注释',
    backLabel: (reference: number) => `返回正文第 ${reference} 个注释的引用处`,
  },
  chapterPage: {
    title: (chapter: string, year: number) => `${chapter} - ${year}年版`,
    number: (edition: string, n: number) => `${edition} · 第${n}章`,
    nav: '章节导航',
    back: '返回',
    overview: (year: number) => `${year}年版概览`,
  },
  editionPage: {
    agency: '发布机构',
    revisionsIntro: '本版数值保持发布时原样；以下数值在后续版本中重新核定：',
    revision: (period: string, published: string, by: number, revised: string) =>
      `（${period}年）：本版 ${published}，${by}年版修订为 ${revised}`,
    note: (note: string) => `（${note}）`,
  },
  print: {
    chapterHeading: (n: string, title: string) => `第${n}章　${title}`,
    appendixHeading: (title: string) => `附录　${title}`,
    appendixCaption: (year: number, n: number) => `${year}年指标完成情况（共 ${n} 项）`,
  },
  domainTable: {
    domain: '领域',
    indicators: '指标数',
    other: '其他',
    rate: '完成率',
  },
  citation: {
    /** GB/T 7714's place for the date the reader consulted the data. */
    accessed: '引用日期',
    /** The years the series covers; none for an indicator that so far has only plan targets. */
    indicatorTitle: (site: string, name: string, from: string, to: string) =>
      `${site}指标数据：${name}${!from ? '' : from === to ? `（${from}年）` : `（${from}—${to}年）`}`,
    dataTitle: (site: string, from: number, to: number) => `${site}指标数据（${from}—${to}年版）`,
  },
  /** The PDF edition: the edition page's facts, the file's metadata (its build log is in the diagnostics). */
  pdf: {
    /** Beside the download button on the edition page. */
    facts: (bytes: number, pages: number) => `（PDF，${formatFileSize(bytes)}，${pages} 页）`,
    creator: '质量状况白皮书发布系统',
    keyword: GENRE,
    yearKeyword: (year: number) => `${year}年`,
  },
  skipLink: '跳到正文',
  /** The header switch for larger text and higher contrast (适老化). */
  elderMode: { label: '长者模式', title: '放大字号、加大行距、提高对比度；再按一次恢复' },
  home: '首页',
  editions: '历年白皮书',
  edition: '版本',
  latestEdition: '最新一期',
  chapters: '目录',
  fullTable: '指标完成情况一览',
  domainCompletion: '各领域完成情况',
  headlineFigures: '主要指标',
  published: '发布日期',
  reportingPeriod: '统计期',
  corrections: '勘误',
  /** One correction of an edition (components/Corrections.astro): after its text, why and which indicator. */
  correction: {
    reason: (reason: string) => `（原因：${reason}）`,
    indicator: '相关指标：',
  },
  downloadPdf: '下载 PDF 版',
  nav: { indicators: '指标', data: '数据下载' },
  noCorrections: '本期暂无勘误。',
  /**
   * The demo mark (site.yaml `demo`): the banner on every page, the line on the PDF cover and the note in the
   * data package's description. `fictional`: everything is invented; `illustrative`: a real region whose
   * figures were made up.
   */
  demoMark: (kind: 'fictional' | 'illustrative', region: string) =>
    kind === 'fictional'
      ? {
          banner: '演示站点：本站全部地区、机构与数据均为虚构示例，不代表任何真实地区的质量状况。',
          cover: '演示文档：地区、机构与数据均为虚构',
          data: '（演示数据，全部为虚构）',
        }
      : {
          banner: `演示站点：${region}是真实地区，但本站数据均为演示用的示例数值，不代表${region}的实际质量状况。`,
          cover: `演示文档：${region}是真实地区，文中数据均为示例，不代表其实际质量状况`,
          data: `（演示数据：${region}是真实地区，数值均为示例）`,
        },
  notLatest: (year: number) => `您正在阅读 ${year} 年版，这不是最新一期白皮书。`,
  readLatest: (year: number) => `阅读最新的 ${year} 年版`,
  draft: '草稿',
  breadcrumb: '当前位置',
  previousChapter: '上一章',
  nextChapter: '下一章',
  table: {
    indicator: '指标',
    domain: '领域',
    unit: '单位',
    target: '目标',
    value: '实际值',
    change: '较上年',
    status: '完成情况',
    note: '备注',
    caption: (title: string) => `${title}：目标、实际值与完成情况`,
  },
  footer: {
    publisher: '主办单位',
    contact: '联系我们',
    address: '地址',
    phone: '电话',
    email: '电子邮箱',
    licence: '数据许可',
    siteCode: '网站标识码',
    icp: 'ICP备案号',
    publicSecurity: '公安备案号',
  },
  notFound: {
    title: '页面不存在',
    body: '您访问的页面不存在或已移动。可以返回首页，或从下面的历年白皮书中查找。',
  },
  chart: {
    /** The interactive chart's export menu (vega-embed), given to the browser on the figure. */
    actions: { svg: '导出 SVG', png: '导出 PNG', menu: '图表操作', menuLabel: '图表操作：导出 SVG 或 PNG' },
    showTable: '查看数据表',
    dataTable: '数据表',
    download: '下载数据 (CSV)',
    ariaLabel: (title: string, summary: string) => `${title}。${summary}`,
    year: '年份',
    value: '数值',
    target: '目标',
    status: '完成情况',
    domain: '领域',
    indicator: '指标',
    unit: '单位',
    total: '合计',
    count: '指标数',
    countAxis: '指标数（项）',
    unitAxis: (unit: string) => `单位：${unit}`,
    valueColumn: (unit: string) => (unit ? `数值（${unit}）` : '数值'),
    /** Vega-Lite aggregates a custom chart may draw, as its table names them. */
    aggregates: {
      mean: '平均值',
      average: '平均值',
      sum: '合计',
      median: '中位数',
      min: '最小值',
      max: '最大值',
    } as Record<string, string>,
    yearLabel: (year: string | number) => `${year}年`,
    trendTitle: (name: string, from: string, to: string) =>
      from === to ? `${name}（${from}年）` : `${name}（${from}—${to}年）`,
    trendEmpty: (name: string) => `${name}暂无数值。`,
    trendSummary: (name: string, from: string, fromValue: string, to: string, toValue: string) =>
      from === to
        ? `${name}${to}年为${toValue}（目前只有这一年的数据，尚不能看出变化趋势）`
        : `${name}从${from}年的${fromValue}变为${to}年的${toValue}`,
    trendTarget: (year: string, target: string, status: string) => `，${year}年目标为${target}，${status}`,
    planGoalLabel: (plan: string, target: string) => `${plan}目标${target}`,
    planGoal: (label: string, progress: string | null) => `；${label}${progress ? `，${progress}` : ''}`,
    planYears: (start: number, end: number) => `${start}—${end}年`,
    targetLine: '虚线为各年目标。',
    goalMark: (label: string) => `空心菱形为${label}。`,
    /** Years without a value between two that have one: the chart bridges them with a dotted line. */
    missingYears: (spans: ReadonlyArray<{ from: number; to: number }>) =>
      `${spans.map(({ from, to }) => (from === to ? `${from}年` : `${from}—${to}年`)).join('、')}没有数值，图中以点线跨过（点线上没有实际数值）。`,
    planBand: (plan: string, from: number, to: number) => `灰色底色为${plan}规划期（图中${from}—${to}年）。`,
    sentenceEnd: '。',
    domainsTitle: (year: number) => `${year}年各领域指标完成情况`,
    /** `best`: the domain with the highest completion rate (none when no indicator was judged), the rate formatted. */
    domainsSummary: (
      year: number,
      domains: number,
      best: { domain: string; rate: string } | undefined,
      missed: number,
    ) =>
      best
        ? `${year}年${domains}个领域中，${best.domain}完成率最高（${best.rate}），全部领域共有${missed}项指标未完成。`
        : `${year}年${domains}个领域的指标都还没有判断完成情况。`,
    compareTitle: (year: number, previous: number, comparable: number) =>
      comparable > 0 ? `${year}年与${previous}年主要指标对比` : `${year}年主要指标`,
    /** Only indicators with both years' values are compared; none means no comparison is claimed. */
    compareSummary: (count: number, comparable: number, rose: number, year: number, previous: number) =>
      comparable === 0
        ? `所列${count}项指标都没有${previous}年的数值，无法与上年比较，图中只显示${year}年的数值。`
        : comparable < count
          ? `所列${count}项指标中有${comparable}项可与${previous}年比较，其中${rose}项${year}年数值高于${previous}年。`
          : `所列${count}项指标中，${rose}项${year}年数值高于${previous}年。`,
    customSummary: (description: string, year: number, records: number) =>
      `${description}。图中为${year}年版指标台账中的${records}条记录。`,
  },
  /**
   * Breakdowns: a figure by category (大类 › 产品, 行业, 企业规模) with several measures — their table, chart,
   * summary and the small multiples over years (charts/breakdown-*.ts, components/Breakdown.astro).
   */
  breakdown: {
    title: (year: number, title: string) => `${year}年${title}`,
    /** A measure's column: its name, its unit in brackets (the unit is set apart in the page's table). */
    column: (name: string, unit: string) => (unit ? `${name}${bracketed(unit)}` : name),
    unit: (unit: string) => bracketed(unit),
    /** Said to screen readers after a category indented under another (the CSV names it with its parent instead). */
    under: (parent: string) => `（属于${parent}）`,
    note: '说明',
    /** A category under another, as the CSV, the tooltip and screen readers name it. */
    path: (parent: string, name: string) => `${parent} › ${name}`,
    /** A figure the report does not give. */
    unknown: '—',
    /** The label of the total's reference line. */
    totalLabel: (name: string, value: string) => `${name}${value}`,
    /** The categories the summary speaks of: the top-level ones (大类) of a table with products under them. */
    groups: (count: number, nested: boolean, dimension: string) =>
      nested ? `${count}个大类` : `按${dimension}分的${count}类`,
    /** `low` and `high` name the categories (several when tied) and their value. */
    extremes: (groups: string, measure: string, low: string, lowValue: string, high: string, highValue: string) =>
      `${groups}中${measure}最低的是${low}（${lowValue}），最高的是${high}（${highValue}）`,
    allEqual: (groups: string, measure: string, value: string) => `${groups}的${measure}都是${value}`,
    onlyOne: (groups: string, measure: string, name: string, value: string) =>
      `${groups}中只有${name}有${measure}数值（${value}）`,
    noValues: (groups: string, measure: string) => `${groups}都没有${measure}数值`,
    names: (names: readonly string[]) => names.join('、'),
    total: (name: string, value: string) => `；${name}${value}`,
    /** The change of the total: from the table's change column or from last year's table. */
    totalChange: (since: string, change: string) => `，比${since}${change}`,
    /** The year compared with: 上年, or its year when editions skip one. */
    since: (previous: number, year: number) => (previous === year - 1 ? '上年' : `${previous}年`),
    sentenceEnd: '。',
    /** How many categories fall in each band of the chart measure; bands given high to low. */
    bandTop: (edge: string, isWhole: boolean) => (isWhole ? edge : `${edge}及以上`),
    bandBetween: (low: string, high: string) => `${low}—${high}`,
    bandBottom: (edge: string) => `${edge}以下`,
    bands: (measure: string, bands: ReadonlyArray<{ label: string; count: number }>) =>
      `${measure}${bands.map((b) => `${b.label}的${b.count}类`).join('，')}。`,
    /**
     * The categories' change on last year: `source` says where it comes from — the table's own change column,
     * or the same categories (by id) in last year's table.
     */
    changes: (
      source: { column: string } | { year: number },
      since: string,
      counts: { up: number; down: number; same: number },
      words: { up: string; down: string },
      most: { up?: string; down?: string },
    ) => {
      const held = [
        counts.up > 0 ? `${counts.up}类${words.up}` : '',
        counts.down > 0 ? `${counts.down}类${words.down}` : '',
        counts.same > 0 ? `${counts.same}类持平` : '',
      ].filter(Boolean);
      const from = 'column' in source ? `（表中“${source.column}”一列）` : `（按${source.year}年版中的同一类别计算）`;
      const largest = [
        most.up ? `${words.up}最多的是${most.up}` : '',
        most.down ? `${words.down}最多的是${most.down}` : '',
      ].filter(Boolean);
      return `与${since}相比，${held.join('、')}${from}${largest.length > 0 ? `；${largest.join('，')}` : ''}。`;
    },
    /**
     * A category and its change, unsigned, in the change's unit: “日用消费品（2.6个百分点）”; a renamed one with
     * the name it had in the table it is compared with.
     */
    changeOf: (name: string, amount: string, before?: { since: string; name: string }) =>
      `${name}（${amount}${before ? `，${before.since}称“${before.name}”` : ''}）`,
    rise: (counted: boolean) => (counted ? '增加' : '提高'),
    fall: (counted: boolean) => (counted ? '减少' : '下降'),
    /** A change of a percentage is in percentage points. */
    changeUnit: (unit: string) => (unit === '%' ? '个百分点' : unit),
    totalLine: (name: string) => `图中竖线为${name}。`,
    nestedNote: '大类下的产品缩进列在大类之后。',
    unknownNote: (names: string) => `${names}没有数值，图中以“—”表示。`,
    /** Small multiples of a breakdown over the years, one line per category, on the indicator page. */
    yearsTitle: (title: string, measure: string, from: number, to: number) =>
      `${title}：各类别${measure}（${from}—${to}年）`,
    yearsSummary: (categories: number, measure: string, from: number, to: number, low: string, high: string) =>
      `${categories}个类别${from}—${to}年的${measure}，每个类别一行，各行刻度相同（${low}—${high}），两端标出首末年的数值。`,
    category: '类别',
    year: '年份',
    value: '数值',
    /** The indicator page's section of the breakdowns of an indicator. */
    ofIndicator: '分类数据',
    ofIndicatorIntro: (name: string) => `${name}按类别分列的数据，各年以该年度版本发布的为准。`,
  },
  search: {
    title: '站内搜索',
    label: '搜索白皮书',
    placeholder: '输入关键词，如 食品安全 合格率',
    button: '搜索',
    loading: '正在搜索……',
    prompt: '请输入要搜索的词语。多个词用空格分开，结果须同时包含全部词语。',
    /** {q} is the query, {n} the number of pages (filled in by the search script). */
    empty: '没有找到包含“{q}”的页面。请检查用字，或减少、更换关键词。',
    count: '“{q}”共找到 {n} 个页面。',
    filterYear: '年度',
    filterKind: '类型',
    all: '全部',
    unavailable: '搜索暂时不可用（需要启用 JavaScript）。可以从目录和各年度版本浏览全部内容。',
    /** The index could not be loaded (offline, blocked, a server without the WebAssembly type). */
    failed: '搜索索引加载失败，暂时无法搜索。请稍后刷新重试，或从目录和各年度版本浏览全部内容。',
  },
  indicator: {
    label: '指标',
    index: '指标一览',
    indexIntro: (n: number, latest: string, year: number) => `共 ${n} 项指标；“${latest}”为 ${year} 年版发布的数值。`,
    id: '指标编号',
    domain: '领域',
    unit: '单位',
    direction: '方向',
    higher: '越高越好',
    lower: '越低越好',
    qualitative: '定性指标',
    definition: '定义（统计口径）',
    source: '数据来源',
    series: '历年数据',
    noValues: '暂无已发布的数值。该指标的目标见下方“各规划中的目标”。',
    seriesCaption: '各年数值以该年度版本发布时为准',
    period: '统计期',
    publishedIn: '发布版本',
    revised: (by: number, value: string) => `${by}年版修订为 ${value}`,
    chartVintage: (year: number) => `下图按最新的 ${year} 年版数值绘制（含后续修订）；上表为各年发布时的数值。`,
    downloads: '下载',
    seriesCsv: '本指标历年数据 (CSV)',
    allData: '全部指标数据（CSV、XLSX、JSON、数据包）',
    cite: '引用本数据',
    permalink: '永久链接',
    latest: '最新值',
    filterDomain: '领域',
    filterStatus: '最新完成情况',
    all: '全部',
    shown: '显示 {n} 项指标',
  },
  data: {
    title: '数据下载',
    intro:
      '白皮书中的全部指标数值均可下载。每条记录注明发布它的年度版本：以往版本的数值保持发布时原样，后续修订单独列出。',
    file: '文件',
    content: '内容',
    format: '格式',
    size: '大小',
    combined: '全部版本（长表）',
    perEdition: '各年度版本',
    dictionary: '数据字典',
    field: '字段',
    fieldTitle: '中文名',
    type: '类型',
    description: '说明',
    licence: '许可',
    cite: '引用',
    vintages: '版本与修订',
    vintagesIntro:
      '每一期白皮书发布后即为固定版本（vintage），其数值不再改动。发现错误时在勘误中登记；后续版本重新核定的数值列在下面，并在原版本页面注明。',
    corrections: (year: number) => `${year}年版的勘误`,
    revisions: (year: number) => `${year}年版发布后被修订的数值`,
    noRevisions: '无',
    package:
      '数据包（Frictionless Data Package）：datapackage.json 描述全部文件的字段、类型、单位说明、缺失值、主键与外键；其中 CSV 为不带 BOM 的 UTF-8 文件（utf8/ 目录），便于程序读取。',
    excelNote: 'CSV 文件为带 BOM 的 UTF-8 编码，可直接用 Excel 打开。',
    catalogueBefore: '指标的定义、单位、方向和来源见 ',
    catalogueAnd: ' 和 ',
    vintageHeading: (year: number) => `${year}年版（发布于 `,
    revision: (period: string, published: string, by: number, revised: string) =>
      `（${period}年）：发布 ${published}，${by}年版修订为 ${revised}`,
    revisionNote: (note: string) => `；${note}`,
    breakdowns: '分类统计表',
    breakdownsIntro:
      '白皮书中按产品类别、行业、县区、企业规模等分列的统计表（如各类产品的抽查企业数、批次和合格率），整理为长表：每个类别的每个统计项一条记录。类别编号历年不变，名称以各版本发布时为准；报告中没有的数值留空，不记为 0。',
    breakdownsParent: 'parent（上级类别）是同一分类表、同一版本中另一行的 category；合计行的 category 为 total。',
    licenceAndCite: '许可与引用',
    attribution: '。使用时请注明来源。',
  },
  /** The downloads of the /data/ page: file titles, XLSX sheets, the data package's description. */
  /** The departments' collection forms (npm run forms): sheet, column and instruction words. */
  forms: {
    instructionsSheet: '填报说明',
    formSheet: '填报表',
    title: (region: string, year: number) => `${region}${year}年质量状况白皮书 指标数据填报表`,
    department: '填报单位',
    noSource: '未注明数据来源',
    year: '数据年度',
    instructions: [
      '只填写黄色底色的单元格；其余单元格已锁定，请勿改动工作表名称、列顺序和指标编号。',
      '“本年数值”只填数字，不带单位（单位见“单位”列）；定性指标（单位为空）填文字，如“已建成”。',
      '“完成情况”一般不必填写，由系统按数值和目标判断；定性指标或文件另有认定时，从下拉列表中选择。',
      '口径变化、数据为初步统计等情况写在“备注”；“数据来源”填写提供数据的处室或单位。',
      '暂无数据的指标请留空，并在“备注”说明原因。',
      '“上年数值”“本年目标”供核对参考，导入时不读取：目标取自台账，台账未写的取自规划（规划只定了期末目标的，注明是哪一年的规划目标）；较基期的目标附基期数值。',
    ],
    columns: {
      id: '指标编号',
      name: '指标名称',
      unit: '单位',
      definition: '统计口径',
      previous: (year: number) => `上年数值（${year}年）`,
      target: (year: number) => `本年目标（${year}年）`,
      value: (year: number) => `本年数值（${year}年）`,
      status: '完成情况',
      note: '备注',
      source: '数据来源',
    },
    /** The sheets of the breakdowns (分类统计表) a department reports, one line of the instructions. */
    breakdownSheets: (sheets: readonly string[]) =>
      `分类统计表在${sheets.map((sheet) => `“${sheet}”`).join('、')}工作表：每个类别一行，类别编号、名称和上级类别已锁定；“合计”行填全部类别的合计。`,
    breakdownInstructions: [
      '分类统计表的黄色单元格填本年数值，只填数字、不带单位（单位见列名）；报告中没有的数值留空，不要填 0。',
      '合格率、占比、比上年变化等由其他数值算出的，也按报告填写：导入时会与抽查批次等数值核对。',
      '没有底色的年份列是上一期发布的数值，供核对，导入时不读取。类别有增减或改名的，请在“备注”中说明，由编辑修改分类表。',
    ],
    breakdownColumns: {
      category: '类别编号',
      name: '类别名称',
      parent: '上级类别',
      /** A measure's column for a year: 抽查企业（2024年，家）. */
      measure: (name: string, year: number, unit: string) => `${name}（${year}年${unit ? `，${unit}` : ''}）`,
      note: '备注',
    },
    /** A base-year target with the base year's value beside it (在2010年基础上下降15.2%（2010年为123.4万吨）). */
    withBase: (target: string, year: string, value: string) => `${target}（${year}年为${value}）`,
    /** In a plan's middle years without a target of its own: the plan's end target, named as the plan column is. */
    planEndTarget: (column: string, target: string) => `${column}：${target}`,
    numberOnly: { title: '请填数字', error: '本列只填数字，不带单位和千分位逗号。' },
    tooLong: (limit: number) => ({ title: '内容过长', error: `不超过 ${limit} 个字；较长的说明请写在备注中。` }),
    statusList: { title: '请从下拉列表中选择', error: '完成情况只能从下拉列表中选择，或留空由系统判断。' },
  },
  downloads: {
    dataSheet: '数据',
    dictionarySheet: '数据字典',
    catalogueSheet: '指标目录',
    enumValues: (values: readonly string[]) => `（取值：${values.join('、')}）`,
    catalogueTitle: '指标目录（数据字典）',
    planTargetsTitle: '规划目标表（各规划的指标、目标年份、目标类型与原文写法）',
    allTitle: (site: string) => `${site}：历年指标数据（全部版本，长表）`,
    editionTitle: (edition: string) => `${edition}：指标数据`,
    breakdownsAllTitle: (site: string) => `${site}：分类统计数据（全部版本，长表）`,
    breakdownsEditionTitle: (edition: string) => `${edition}：分类统计数据`,
    packageFileTitle: 'Frictionless 数据包描述（datapackage.json）',
    packageTitle: (site: string) => `${site}指标数据`,
    /** `demoNote`: the demo mark's `data`, or '' for a real publication. */
    packageDescription: (agency: string, demoNote: string) =>
      `${agency}发布的历年${GENRE}指标台账。每条记录为某一版本发布的某指标某年度数值；以往版本的数值保持发布时原样，后续修订见 edition 列。${demoNote}`,
    keyword: GENRE,
  },
  /** Titles and descriptions of the download columns: the data dictionary and the Table Schema. */
  ledgerFields: {
    edition: {
      title: '版本',
      description: '发布该数值的白皮书年度版本（数据年份版本，vintage）；同一统计期的数值以各版本发布时为准',
    },
    indicator: { title: '指标编号', description: '指标的稳定编号，对应指标目录 indicators.csv 的 id' },
    name: { title: '指标名称', description: '指标中文名称' },
    domain: { title: '领域', description: '指标所属领域（产品质量、工程质量、服务质量、环境质量等）' },
    unit: { title: '单位', description: '数值的计量单位；空表示无量纲或定性指标' },
    period: { title: '统计期', description: '数值所属年份' },
    value: { title: '数值', description: '数值型指标的数值（单位见 unit 列）；空表示无数据' },
    value_text: { title: '定性情况', description: '定性指标的完成情况描述（如“已创成”）' },
    target: {
      title: '目标',
      description: '该期目标，按原文记录，数字后未写单位时补上指标的单位（如 ≥96%、≤0.42‰、稳步下降、建成）',
    },
    base_period: {
      title: '基期',
      description: '目标与某一基期比较时（如“在2010年基础上下降15.2%”）的基期：年份，或起止年份（如 2006-2010）',
    },
    base_value: { title: '基期数值', description: '台账中基期的数值（单位见 unit 列）；空表示台账中没有' },
    base_limit: {
      title: '目标界限',
      description:
        '由基期数值和目标算出的界限（如 3.95 × (1 − 15.2%) = 3.3496），数值须不高于（下降）或不低于（提高、增加）它',
    },
    status: {
      title: '完成情况',
      description: (labels: readonly string[]) => `${labels.join(' / ')}（无目标或无法判断）`,
    },
    status_by: {
      title: '判定方式',
      description: (computed: string, editor: string) => `${computed}：由数值与目标计算；${editor}：由编辑按文件填写`,
    },
    note: { title: '备注', description: '编辑备注（口径变化、修订原因等）' },
    source: { title: '数据来源', description: '提供数据的部门' },
  },
  catalogueFields: {
    id: { title: '指标编号', description: '稳定编号，发布后不变' },
    name: { title: '指标名称', description: '中文名称' },
    domain: { title: '领域', description: '所属领域' },
    group: { title: '分组', description: '领域内的分组（规划表中的二级类别），可为空' },
    unit: { title: '单位', description: '计量单位' },
    direction: { title: '方向', description: 'higher：越高越好；lower：越低越好' },
    type: { title: '类型', description: 'number：数值型；text：定性' },
    decimals: { title: '小数位数', description: '发布时显示的小数位数' },
    definition: { title: '定义', description: '统计口径' },
    source: { title: '数据来源', description: '提供数据的部门' },
  },
  planTargetFields: {
    plan: { title: '规划编号', description: '规划文件名（data/plans/<编号>.yaml）' },
    plan_name: { title: '规划名称', description: '规划全称' },
    plan_start: { title: '起始年份', description: '规划期第一年' },
    plan_end: { title: '终止年份', description: '规划期最后一年' },
    indicator: { title: '指标编号', description: '指标目录中的编号' },
    name_in_plan: { title: '规划中的指标名称', description: '规划原文中的指标名称（规划之间可能改名）' },
    year: { title: '目标年份', description: '目标所对应的年份' },
    kind: {
      title: '目标类型',
      description:
        '规划期末：期末年份的数值；阶段末：规划中某一阶段末年的数值；年度：当年数值；规划期累计：规划各年之和；较基期：与基期年份数值比较',
    },
    target: { title: '目标', description: '规划原文的写法，数字后未写单位时补上指标的单位' },
    target_as_printed: {
      title: '规划原文单元格',
      description: '规划在一个单元格里为几个指标印出目标时，该单元格的全文（target 是其中属于本指标的部分）；否则为空',
    },
    note: { title: '备注', description: '编辑的说明' },
  },
  /** Titles and descriptions of the breakdown download columns (breakdowns-*.csv): dictionary and Table Schema. */
  breakdownFields: {
    edition: { title: '版本', description: '发布该表的白皮书年度版本（vintage）；以往版本的数值保持发布时原样' },
    breakdown: { title: '分类表编号', description: '分类统计表的稳定编号，历年不变' },
    title: { title: '分类表名称', description: '分类统计表的标题' },
    indicator: {
      title: '指标编号',
      description:
        '该表所分解的指标（合计行即该指标的数值），对应指标目录 indicators.csv 的 id；空表示不对应台账中的指标',
    },
    dimension: { title: '分类维度', description: '类别按什么划分：产品类别、行业、县区、企业规模等' },
    category: {
      title: '类别编号',
      description: '类别的稳定编号，历年不变（类别改名时编号不变）；total 为合计行',
    },
    category_name: { title: '类别名称', description: '该版本报告中的类别名称（类别改名后，各版本的名称不同）' },
    parent: {
      title: '上级类别',
      description: '上级类别（如产品所属的大类）的类别编号，属于同一分类表的同一版本；空表示一级类别或合计行',
    },
    measure: { title: '统计项编号', description: '统计项（抽查企业数、批次、合格率等）的稳定编号' },
    measure_name: { title: '统计项名称', description: '统计项的中文名称' },
    value: { title: '数值', description: '该类别该统计项的数值（单位见 unit 列）；空表示报告中没有该数值，不是 0' },
    unit: { title: '单位', description: '数值的计量单位（合格率等比率为 %，比上年变化为 个百分点）' },
    note: { title: '备注', description: '该类别的说明（如类别改名、口径变化）' },
  },
  /** The pictures made to be shared: every chart as a picture, each edition's 一图读懂, the link-preview card. */
  share: {
    digest: '一图读懂',
    digestTitle: (title: string) => `一图读懂《${title}》`,
    /** The edition page's link to its 一图读懂 page. */
    digestLink: (year: number) => `一图读懂${year}年白皮书`,
    digestIntro:
      '本页是本版白皮书的图解：主要指标、目标完成情况和各领域的关键数字。图片版与本页内容、数字相同，可下载转发。',
    headline: '主要指标',
    completion: '目标完成情况',
    completionRate: (rate: string) => `完成率 ${rate}`,
    /** The completion rate's footnote: which indicators it counts. */
    completionRateNote: '完成率＝已完成÷（已完成＋未完成）',
    domainCounts: (total: number, met: number) => `${total} 项指标，${met} 项已完成`,
    plan: '规划进度',
    /** A figure's change on the previous year, as formatChange words it (“提高0.4个百分点”, “持平”). */
    change: (words: string) => `比上年${words}`,
    target: (target: string) => `目标 ${target}`,
    source: (agency: string, title: string) => `来源：${agency}《${title}》`,
    published: (date: string) => `发布日期：${date}`,
    scan: '扫码阅读全文',
    /** Under every picture: the figures are the report's, and where the report is. */
    sameFigures: '图中数字与白皮书正文、数据下载一致。',
    /** Links beside each chart and on the 一图读懂 page. */
    download: '下载图片',
    tall: '竖版 PNG',
    wide: '横版 PNG',
    svg: 'SVG',
    tallLabel: (title: string) => `下载“${title}”竖版图片（PNG，1080 像素宽，适合手机）`,
    wideLabel: (title: string) => `下载“${title}”横版图片（PNG，1920×1080，适合演示）`,
    svgLabel: (title: string) => `下载“${title}”矢量图（SVG）`,
    /** The 一图读懂 image on its own page: its text is the page's, so the alt says so rather than repeating it. */
    digestAlt: (title: string) => `一图读懂《${title}》长图：内容与本页文字相同`,
    downloadDigest: '下载长图（PNG）',
    downloadDigestSvg: '下载矢量长图（SVG）',
  },
  kinds: { edition: '年度概览', chapter: '章节', indicator: '指标' },
  feedTitle: (site: string) => `${site}（历年版本）`,
  /** “34 项指标中 28 项已完成、3 项未完成，2 项推进中、1 项政策调整。” (met and not met always named). */
  completion: (total: number, judged: Array<[string, number]>, others: Array<[string, number]>) =>
    `${total} 项指标中 ${judged.map(([label, n]) => `${n} 项${label}`).join('、')}` +
    (others.length > 0 ? `，${others.map(([label, n]) => `${n} 项${label}`).join('、')}` : '') +
    '。',
};
