/**
 * The words editors may type in the catalogue and the ledgers that the parsers recognise: the plans'
 * own vocabulary, input rather than output (what readers see comes from the message catalogues). The
 * target grammar has its words in target.ts.
 */

/** Status words of the plans' completion tables, with synonyms (ledger `status` column). */
export const STATUS_WORDS = {
  已完成: 'met',
  完成: 'met',
  已达成: 'met',
  达标: 'met',
  未完成: 'not_met',
  未达成: 'not_met',
  未达标: 'not_met',
  推进中: 'in_progress',
  正在推进: 'in_progress',
  有待推进: 'in_progress',
  建设中: 'in_progress',
  积极推行建设中: 'in_progress',
  进行中: 'in_progress',
  不再统计: 'discontinued',
  停止统计: 'discontinued',
  政策调整: 'policy_changed',
  未评估: 'not_assessed',
} as const;

/** The catalogue's `direction` column, in English or Chinese. */
export const DIRECTION_WORDS: Record<string, 'higher' | 'lower'> = {
  higher: 'higher',
  lower: 'lower',
  越高越好: 'higher',
  越低越好: 'lower',
  正向: 'higher',
  逆向: 'lower',
};

/** The catalogue's `type` column; empty means number. */
export const TYPE_WORDS: Record<string, 'number' | 'text'> = {
  '': 'number',
  number: 'number',
  text: 'text',
  数值: 'number',
  定性: 'text',
};

/** The usual domains of a quality white paper: the examples named when a catalogue row has none (any may be used). */
export const USUAL_DOMAINS = ['产品质量', '工程质量', '服务质量', '环境质量', '品牌与标准', '质量基础与安全'];

/** Measure words for counted things. 个 is the general one: plans write `5个以上` for firms (家) and
 * standards (项) alike, so 个 agrees with every counting unit. The one list of counting units: a change
 * in one reads 增加/减少 rather than 提高/下降 (`unit.ts#countsThings`), days of good air (天) included. */
export const GENERAL_COUNT_WORD = '个';
export const COUNT_WORDS = new Set(
  '个家项件人名张所座枚次户只台批条处种部篇本份例起宗株头艘辆栋间天'.split('').concat(['人次', '家次', '批次']),
);

/**
 * Units of measure, besides the counting words, that plans write after a number. With the counting
 * words and the indicator's own unit they are what the target grammar reads as a unit: what follows a
 * unit it knows is the plan's words (`100%开展`, `2个无公害农产品基地`), not part of the unit.
 */
export const MEASURE_WORDS = [
  '%',
  '‰',
  '‱',
  '℃',
  '元',
  '吨',
  '千克',
  '公斤',
  '克',
  '米',
  '千米',
  '公里',
  '平方米',
  '平方千米',
  '平方公里',
  '立方米',
  '亩',
  '公顷',
  '升',
  '毫升',
  '千瓦时',
  '度',
  '小时',
  '分钟',
  '岁',
  '倍',
  '分',
];
/** What plans put before a counting word or measure: 6万户, 2.8万张, 500亿元. */
export const UNIT_MULTIPLIERS = ['万', '亿', '千', '百'];

/**
 * The five-year plans by the name targets give them (较“十一五”时期增加15%, 比“十二五”末提高…), with
 * their first year; each runs five years. A period's value is entered in a ledger under its years
 * (`2006-2010`), its end (末) under its last year.
 */
export const FIVE_YEAR_PLANS: Record<string, number> = {
  九五: 1996,
  十五: 2001,
  十一五: 2006,
  十二五: 2011,
  十三五: 2016,
  十四五: 2021,
  十五五: 2026,
};
/** Between the years of a period in a ledger's period column: 2006-2010, 2006—2010, 2006至2010. */
export const PERIOD_SEPARATORS = ['-', '—', '–', '~', '～', '至'];
/** After a plan's name: the whole period (时期, 期间) or its last year (末, 期末). */
export const PERIOD_WHOLE = ['时期', '期间', '期'];
export const PERIOD_END = ['期末', '末'];

/**
 * Between the ids of one ledger or plan row that names several indicators (`county_rate、firm_rate`),
 * and between their values and statuses. The enumeration comma is what the plans print between
 * indicator names (使用登记率、定期检验率) and what a Chinese input method types; unlike `,` it needs
 * no CSV quoting, unlike `;` it is no spreadsheet's field separator, and unlike a space it is visible.
 */
export const LIST_SEPARATOR = '、';

/** Spellings of the same unit. */
export const SAME_UNITS: string[][] = [
  ['%', '百分比', '百分之'],
  ['‰', '千分比'],
  ['微克/立方米', 'μg/m3', 'μg/m³', 'ug/m3', 'ug/m³', 'µg/m3', 'µg/m³', '微克每立方米'],
  ['毫克/立方米', 'mg/m3', 'mg/m³'],
  ['毫克/升', 'mg/l'],
  ['天', '日'],
];

/** How plans mark a count over their years after an indicator's name: 制订“浙江制造”标准（新增）. */
export const COUNT_OVER_PLAN = /[(（](新增|累计)[)）]\s*$/;

/**
 * The words of chapter prose that say a figure is an indicator's level (prose-figures.ts): what may stand
 * between a name and its figure, the words that name a year, the words that compare with one, and what
 * after a number makes it something other than a level.
 */
export const PROSE_WORDS = {
  connectors: [
    '为',
    '是',
    '达',
    '达到',
    '均为',
    '降至',
    '降到',
    '下降到',
    '下降至',
    '升至',
    '提高到',
    '提高至',
    '提升到',
    '提升至',
    '上升到',
    '上升至',
    '保持',
    '保持在',
    '维持在',
    '：',
    ':',
  ],
  /** After `2023年`: 2023年底, 2023年末 … still 2023. */
  yearSuffixes: ['底', '末', '全年', '度'],
  lastYear: ['上年', '去年', '上一年'],
  thisYear: ['今年', '本年', '当年'],
  /**
   * Before a year (较2023年, 根据2023年…) or in the rest of its clause (与2023年相比, 2023年发布的办法): the year
   * is compared with or names something else, not the year of the figures after it.
   */
  comparingBefore: ['比', '较', '与', '同', '自', '从', '至', '到', '根据', '按照', '依据'],
  comparingAfter: ['比', '较', '相比', '同比', '以来', '发布', '印发', '出台', '颁布', '实施', '起'],
  notALevel: ['百分点', '以上', '以下'],
  /** Right before a name (新增省级示范项目3个): the figure is what was added this year, not the level. */
  addedBefore: ['新增', '新建', '新培育', '新创建', '新认定', '新获', '新获得', '新引进', '当年新增'],
  yearUnit: '年',
};

/** Word's built-in heading style as Chinese Word and WPS name it (标题 1 … 标题 6). */
export const WORD_HEADING_STYLE = '标题';
/** Paragraph styles of body text as Word, WPS and LibreOffice name them: plain paragraphs, nothing to report. */
export const WORD_BODY_STYLES = [
  'Body Text',
  '正文文本',
  'Text Body',
  'Table Contents',
  '表格内容',
  '正文',
  'Plain Text',
  '纯文本',
];
