/** 演示数据的中文版本。 */
import type { DemoTexts, LawTitleParams } from '../types.js';
import { basis, caseNumber, courts, crimes, procedures } from './cases.js';
import { provisions1 } from './provisions-1.js';
import { provisions2 } from './provisions-2.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 汉字数字（0–9999），法律条文和刑期用：十二、一百零五、一百二十。 */
export function zhNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let zero = false;
  for (const [size, name] of units) {
    const d = Math.floor(n / size) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + name;
  }
  return out;
}

const UNITS = { year: '年', month: '个月', day: '日', person: '人' } as const;

/** 中国的法律用本国名称；外国法律的译名注明年份和编号。 */
const law = (native: string, foreign: string): DemoTexts['laws'][keyof DemoTexts['laws']] => ({
  title: (p: LawTitleParams) => (p.native && p.iso3 === 'CHN' ? `中华人民共和国${native}` : `《${foreign}》（${p.year}年第${p.n}号法律）`),
  citation: (p: LawTitleParams) => (p.native && p.iso3 === 'CHN' ? `主席令第${p.n}号` : `${p.year}年第${p.n}号法律`),
});

const inForce = (what: '条约' | '协定') => ({
  title: '生效和终止',
  text: `本${what}自互换批准书之日起第三十日生效。任何一方可以随时以书面通知终止本${what}，终止自通知之日起六个月后生效。`,
});

export const zh: DemoTexts = {
  lang: 'zh',
  sep: '',
  date(iso) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${y}年${m}月${d}日`;
  },
  count: (n, unit) => `${zhNumber(n)}${UNITS[unit]}`,
  articleRef: (n) => `第${zhNumber(n)}条`,
  inline: (name) => name,
  authorities: ['司法部', '总检察长办公室', '内政部'],
  laws: {
    'criminal-code': law('刑法', '刑法典'),
    'criminal-procedure': law('刑事诉讼法', '刑事诉讼法典'),
    'mla-law': law('国际刑事司法协助法', '刑事司法协助法'),
    'aml-law': law('反洗钱法', '反洗钱和打击资助恐怖主义法'),
    'tip-law': law('反人口贩运法', '打击贩运人口法'),
    'cybercrime-law': law('网络犯罪防治法', '打击网络犯罪法'),
    'extradition-law': law('引渡法', '引渡法'),
    'witness-protection-law': law('证人保护法', '证人保护法'),
    'som-law': law('防治偷运移民法', '打击偷运移民法'),
    'firearms-law': law('枪支管理法', '枪支弹药管理法'),
    'anti-corruption-law': law('反腐败法', '预防和打击腐败法'),
    'drug-law': law('禁毒法', '麻醉药品和精神药物管制法'),
    'terrorism-law': law('反恐怖主义法', '反恐怖主义法'),
    'wildlife-law': law('野生动物保护法', '野生动植物保护法'),
    'cultural-property-law': law('文物保护法', '文化遗产保护法'),
    'medical-products-law': law('药品管理法', '药品和医疗产品法'),
  },
  provisions: { ...provisions1, ...provisions2 },
  courts,
  caseNumber,
  crimes,
  procedures,
  basis,
  sourceTitle: (court, date) => `${court}${date}判决`,
  strategies: {
    'organized-crime': {
      title: '国家打击有组织犯罪战略（{start}—{end}年）',
      summary: '该战略确定了政府在预防有组织犯罪、摧毁犯罪集团和剥夺其资产方面的优先事项。',
      goal: '其目标是加强对犯罪集团的发现，系统开展金融调查，并加强证人保护。',
    },
    'trafficking-in-persons': {
      title: '国家打击贩运人口行动计划（{start}—{end}年）',
      summary: '该行动计划涵盖预防贩运人口、起诉贩运者和保护被害人。',
      goal: '计划规定建立国家被害人转介机制，为劳动监察员和警察提供专门培训，并为儿童被害人设立庇护所。',
    },
    'smuggling-of-migrants': {
      title: '国家预防和打击偷运移民战略（{start}—{end}年）',
      summary: '该战略旨在摧毁偷运移民网络，同时保护被偷运移民的权利和生命。',
      goal: '战略加强边境管理、海上搜救以及对偷运网络资金流动的调查。',
    },
    corruption: {
      title: '国家反腐败战略（{start}—{end}年）',
      summary: '该战略旨在预防公共部门腐败、惩治腐败犯罪并追回被盗资产。',
      goal: '战略规定公职人员申报资产、保护举报人并提高公共采购透明度。',
    },
    cybercrime: {
      title: '国家网络安全和打击网络犯罪战略（{start}—{end}年）',
      summary: '该战略保护关键信息基础设施，并加强国家侦查和起诉网络犯罪的能力。',
      goal: '战略规定设立专门的网络犯罪部门和全天候联络点，并开展电子证据处理培训。',
    },
    drugs: {
      title: '国家禁毒战略（{start}—{end}年）',
      summary: '该战略采取平衡的方针，减少非法毒品的供应和需求。',
      goal: '战略加强对易制毒化学品以及港口和机场的管控，并扩大预防和治疗服务。',
    },
    'money-laundering': {
      title: '国家反洗钱和打击资助恐怖主义战略（{start}—{end}年）',
      summary: '该战略是针对国家洗钱和资助恐怖主义风险评估制定的。',
      goal: '战略提高受益所有权的透明度，加强对报告义务机构的监管和对犯罪资产的没收。',
    },
    firearms: {
      title: '国家小武器和轻武器行动计划（{start}—{end}年）',
      summary: '该行动计划旨在防止非法制造和贩运枪支、其零部件和弹药。',
      goal: '计划规定对所有枪支加标识，建立中央登记册，并销毁收缴和剩余的武器。',
    },
    wildlife: {
      title: '国家打击野生动植物和森林犯罪战略（{start}—{end}年）',
      summary: '该战略将野生动植物和森林犯罪作为严重犯罪处理，并打击参与其中的犯罪网络。',
      goal: '战略加强海关、警察和野生动物主管部门之间的合作，并加强法证分析的运用。',
    },
  },
  strategyBody: [
    '该文件以对威胁以及法律和体制框架缺口的评估为基础，评估是与执法机关、司法机关、民间社会和私营部门共同完成的。',
    ['国际合作是优先事项，包括审查引渡和司法协助条约，以及将《联合国打击跨国有组织犯罪公约》作为法律依据。', '加强负责司法协助的中心机关，并对法官和检察官进行国际合作培训。'],
    '由部际委员会协调实施工作，每年根据指标评估进展情况，并计划于{end}年进行最终评估。',
  ],
  adoptedBy: ['国务院', '中央政府', '国家安全委员会', '部际联席会议'],
  treaties: {
    mla: {
      title: '{a}和{b}关于刑事司法协助的条约',
      provisions: [
        { title: '协助范围', text: '双方应当在与刑事事项有关的侦查、起诉和审判程序中相互提供最广泛的司法协助。' },
        { title: '中心机关', text: '请求应当通过双方各自指定的中心机关提出和接收，中心机关之间直接进行联系。' },
        { title: '拒绝协助', text: '请求涉及政治犯罪，执行请求将损害被请求方的主权、安全或者公共秩序，或者有充分理由认为请求的目的是基于某人的种族、性别、宗教、国籍或者政治见解而对其进行追诉的，可以拒绝提供协助。' },
        { title: '请求的形式和内容', text: '请求应当以书面形式提出，并载明主管诉讼的机关、诉讼的事由和性质、案件事实摘要、所请求的协助及其目的。' },
        { title: '请求的执行', text: '请求应当依照被请求方的法律迅速执行，并在该法律不禁止的范围内按照请求方要求的方式执行。' },
        { title: '保密和使用限制', text: '被请求方经请求应当对请求予以保密；未经被请求方事先同意，请求方不得将根据本条约获得的资料或者证据用于请求书所述以外的目的。' },
        { title: '通过视频会议询问', text: '一方司法机关需要询问位于另一方境内的人作为证人或者鉴定人的，可以通过视频会议进行。' },
        inForce('条约'),
      ],
    },
    extradition: {
      title: '{a}和{b}引渡条约',
      provisions: [
        { title: '引渡义务', text: '双方有义务根据本条约的规定，应对方请求，相互引渡为对可引渡的犯罪进行追诉或者判处、执行刑罚而被请求的人。' },
        { title: '可引渡的犯罪', text: '根据双方法律均可判处最高刑至少为一年的剥夺自由刑或者更重刑罚的犯罪，为可引渡的犯罪。' },
        { title: '应当拒绝引渡的理由', text: '犯罪属于政治犯罪，被请求引渡人将遭受酷刑或者残忍、不人道或者有辱人格的待遇，或者被请求方已对同一犯罪作出终审判决的，应当拒绝引渡。' },
        { title: '本国国民的引渡', text: '双方均有权拒绝引渡本国国民。在此情况下，被请求方应当根据另一方的请求，将案件提交其主管机关进行追诉。' },
        { title: '临时逮捕', text: '情况紧急时，一方可以在提出引渡请求之前请求临时逮捕被请求引渡人；引渡请求应当在逮捕后六十日内送达。' },
        { title: '特定罪规则', text: '未经被请求方同意，对于根据本条约被引渡的人在移交前所犯的、准予引渡所依据的犯罪以外的其他犯罪，不得对其进行追诉、判刑或者羁押。' },
        inForce('条约'),
      ],
    },
    transfer: {
      title: '{a}和{b}关于移管被判刑人的协定',
      provisions: [
        { title: '一般原则', text: '在一方境内被判刑的人，可以被移管到另一方境内服其被判处的刑罚。' },
        { title: '移管的条件', text: '只有在被判刑人是执行方的国民、判决已经生效、尚未服完的刑期至少为六个月，且其行为根据双方法律均构成犯罪的情况下，方可移管。' },
        { title: '被判刑人的同意', text: '移管须经被判刑人在充分了解其法律后果的情况下自愿同意。' },
        { title: '继续执行刑罚', text: '执行方应当继续执行刑罚，并受刑罚的法律性质和期限的约束；刑罚与其法律不符的，可以按照本国法律对同类犯罪规定的刑罚予以转换。' },
        inForce('协定'),
      ],
    },
  },
};
