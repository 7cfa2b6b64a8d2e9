/**
 * The controlled vocabularies that index Palermo content: crime types, forms of cooperation and
 * cross-cutting issues (measures are in measures.ts). Codes are stable: other modules, import
 * files and URLs use them. Labels follow the terminology of the authentic texts of UNTOC and UNCAC
 * in the six official languages (e.g. the article headings "Entraide judiciaire", "Asistencia
 * judicial recíproca", "Взаимная правовая помощь", "المساعدة القانونية المتبادلة", "司法协助") and
 * of UNODC's SHERLOC portal.
 */
import type { LocalizedText } from '../../../platform/i18n/languages.js';
import type { Taxonomy } from '../tables.js';
import { MEASURES } from './measures.js';

export interface TermDefinition {
  code: string;
  labels: LocalizedText;
  /** Optional scope note. */
  descriptions?: Partial<LocalizedText>;
  /** Where the term comes from in the instruments. */
  reference?: string;
}

const CRIME: TermDefinition[] = [
  {
    code: 'corruption',
    labels: { ar: 'الفساد', zh: '腐败', en: 'Corruption', fr: 'Corruption', es: 'Corrupción', ru: 'Коррупция' },
    reference: 'UNTOC art. 8; UNCAC arts. 15–22',
  },
  {
    code: 'counterfeiting',
    labels: { ar: 'التزييف', zh: '假冒', en: 'Counterfeiting', fr: 'Contrefaçon', es: 'Falsificación', ru: 'Контрафакция' },
  },
  {
    code: 'cybercrime',
    labels: { ar: 'الجريمة السيبرانية', zh: '网络犯罪', en: 'Cybercrime', fr: 'Cybercriminalité', es: 'Delito cibernético', ru: 'Киберпреступность' },
    reference: 'Budapest Convention arts. 2–11',
  },
  {
    code: 'drug-offences',
    labels: {
      ar: 'الجرائم المتصلة بالمخدرات',
      zh: '毒品犯罪',
      en: 'Drug offences',
      fr: 'Infractions liées à la drogue',
      es: 'Delitos relacionados con las drogas',
      ru: 'Преступления, связанные с наркотиками',
    },
  },
  {
    code: 'money-laundering',
    labels: { ar: 'غسل الأموال', zh: '洗钱', en: 'Money laundering', fr: 'Blanchiment d’argent', es: 'Blanqueo de dinero', ru: 'Отмывание денег' },
    reference: 'UNTOC art. 6; UNCAC art. 23',
  },
  {
    code: 'obstruction-of-justice',
    labels: {
      ar: 'عرقلة سير العدالة',
      zh: '妨害司法',
      en: 'Obstruction of justice',
      fr: 'Entrave au bon fonctionnement de la justice',
      es: 'Obstrucción de la justicia',
      ru: 'Воспрепятствование осуществлению правосудия',
    },
    reference: 'UNTOC art. 23; UNCAC art. 25',
  },
  {
    code: 'organized-criminal-group',
    labels: {
      ar: 'المشاركة في جماعة إجرامية منظمة',
      zh: '参加有组织犯罪集团',
      en: 'Participation in an organized criminal group',
      fr: 'Participation à un groupe criminel organisé',
      es: 'Participación en un grupo delictivo organizado',
      ru: 'Участие в организованной преступной группе',
    },
    reference: 'UNTOC art. 5',
  },
  {
    code: 'piracy-maritime-crime',
    labels: {
      ar: 'القرصنة والجريمة البحرية',
      zh: '海盗行为和海上犯罪',
      en: 'Piracy and maritime crime',
      fr: 'Piraterie et criminalité maritime',
      es: 'Piratería y delincuencia marítima',
      ru: 'Пиратство и преступность на море',
    },
  },
  {
    code: 'smuggling-of-migrants',
    labels: {
      ar: 'تهريب المهاجرين',
      zh: '偷运移民',
      en: 'Smuggling of migrants',
      fr: 'Trafic illicite de migrants',
      es: 'Tráfico ilícito de migrantes',
      ru: 'Незаконный ввоз мигрантов',
    },
    reference: 'Smuggling of Migrants Protocol art. 6',
  },
  {
    code: 'firearms-trafficking',
    labels: {
      ar: 'الاتجار غير المشروع بالأسلحة النارية',
      zh: '非法贩运枪支',
      en: 'Illicit trafficking in firearms',
      fr: 'Trafic illicite d’armes à feu',
      es: 'Tráfico ilícito de armas de fuego',
      ru: 'Незаконный оборот огнестрельного оружия',
    },
    reference: 'Firearms Protocol art. 5',
  },
  {
    code: 'cultural-property-trafficking',
    labels: {
      ar: 'الاتجار بالممتلكات الثقافية',
      zh: '贩运文化财产',
      en: 'Trafficking in cultural property',
      fr: 'Trafic de biens culturels',
      es: 'Tráfico de bienes culturales',
      ru: 'Незаконный оборот культурных ценностей',
    },
  },
  {
    code: 'wildlife-forest-fisheries-crime',
    labels: {
      ar: 'الجرائم المتصلة بالأحياء البرية والغابات ومصائد الأسماك',
      zh: '野生动植物、森林和渔业犯罪',
      en: 'Wildlife, forest and fisheries crime',
      fr: 'Criminalité liée aux espèces sauvages, aux forêts et aux pêches',
      es: 'Delitos contra la vida silvestre, los bosques y la pesca',
      ru: 'Преступления против дикой природы, лесов и рыбных ресурсов',
    },
  },
  {
    code: 'trafficking-in-persons',
    labels: { ar: 'الاتجار بالأشخاص', zh: '贩运人口', en: 'Trafficking in persons', fr: 'Traite des personnes', es: 'Trata de personas', ru: 'Торговля людьми' },
    reference: 'Trafficking in Persons Protocol art. 5',
  },
  {
    code: 'falsified-medical-products',
    labels: {
      ar: 'المنتجات الطبية المغشوشة',
      zh: '伪造医疗产品',
      en: 'Falsified medical products',
      fr: 'Produits médicaux falsifiés',
      es: 'Productos médicos falsificados',
      ru: 'Фальсифицированная медицинская продукция',
    },
  },
  {
    code: 'terrorism',
    labels: { ar: 'الإرهاب', zh: '恐怖主义', en: 'Terrorism', fr: 'Terrorisme', es: 'Terrorismo', ru: 'Терроризм' },
  },
];

const COOPERATION: TermDefinition[] = [
  {
    code: 'extradition',
    labels: { ar: 'تسليم المجرمين', zh: '引渡', en: 'Extradition', fr: 'Extradition', es: 'Extradición', ru: 'Выдача' },
    reference: 'UNTOC art. 16; UNCAC art. 44',
  },
  {
    code: 'mla',
    labels: {
      ar: 'المساعدة القانونية المتبادلة',
      zh: '司法协助',
      en: 'Mutual legal assistance',
      fr: 'Entraide judiciaire',
      es: 'Asistencia judicial recíproca',
      ru: 'Взаимная правовая помощь',
    },
    reference: 'UNTOC art. 18; UNCAC art. 46',
  },
  {
    code: 'confiscation',
    labels: {
      ar: 'المصادرة واسترداد الموجودات',
      zh: '没收和追回资产',
      en: 'Confiscation and asset recovery',
      fr: 'Confiscation et recouvrement d’avoirs',
      es: 'Decomiso y recuperación de activos',
      ru: 'Конфискация и возвращение активов',
    },
    reference: 'UNTOC arts. 12–14; UNCAC arts. 31, 51–57',
  },
  {
    code: 'transfer-sentenced-persons',
    labels: {
      ar: 'نقل الأشخاص المحكوم عليهم',
      zh: '被判刑人员的移交',
      en: 'Transfer of sentenced persons',
      fr: 'Transfèrement des personnes condamnées',
      es: 'Traslado de personas condenadas',
      ru: 'Передача осужденных лиц',
    },
    reference: 'UNTOC art. 17; UNCAC art. 45',
  },
  {
    code: 'transfer-proceedings',
    labels: {
      ar: 'نقل الإجراءات الجنائية',
      zh: '刑事诉讼的移交',
      en: 'Transfer of criminal proceedings',
      fr: 'Transfert des procédures pénales',
      es: 'Remisión de actuaciones penales',
      ru: 'Передача уголовного производства',
    },
    reference: 'UNTOC art. 21; UNCAC art. 47',
  },
  {
    code: 'joint-investigations',
    labels: { ar: 'التحقيقات المشتركة', zh: '联合调查', en: 'Joint investigations', fr: 'Enquêtes conjointes', es: 'Investigaciones conjuntas', ru: 'Совместные расследования' },
    reference: 'UNTOC art. 19; UNCAC art. 49',
  },
  {
    code: 'law-enforcement-cooperation',
    labels: {
      ar: 'التعاون في مجال إنفاذ القانون',
      zh: '执法合作',
      en: 'Law enforcement cooperation',
      fr: 'Coopération entre les services de détection et de répression',
      es: 'Cooperación en materia de cumplimiento de la ley',
      ru: 'Сотрудничество между правоохранительными органами',
    },
    reference: 'UNTOC art. 27; UNCAC art. 48',
  },
  {
    code: 'special-investigative-techniques',
    labels: {
      ar: 'أساليب التحري الخاصة',
      zh: '特殊侦查手段',
      en: 'Special investigative techniques',
      fr: 'Techniques d’enquête spéciales',
      es: 'Técnicas especiales de investigación',
      ru: 'Специальные методы расследования',
    },
    reference: 'UNTOC art. 20; UNCAC art. 50',
  },
];

const ISSUE: TermDefinition[] = [
  {
    code: 'electronic-evidence',
    labels: { ar: 'الأدلة الإلكترونية', zh: '电子证据', en: 'Electronic evidence', fr: 'Preuve électronique', es: 'Pruebas electrónicas', ru: 'Электронные доказательства' },
    reference: 'Budapest Convention arts. 14–21, 29–35',
  },
  {
    code: 'liability-of-legal-persons',
    labels: {
      ar: 'مسؤولية الهيئات الاعتبارية',
      zh: '法人责任',
      en: 'Liability of legal persons',
      fr: 'Responsabilité des personnes morales',
      es: 'Responsabilidad de las personas jurídicas',
      ru: 'Ответственность юридических лиц',
    },
    reference: 'UNTOC art. 10; UNCAC art. 26',
  },
  {
    code: 'witness-protection',
    labels: { ar: 'حماية الشهود', zh: '保护证人', en: 'Protection of witnesses', fr: 'Protection des témoins', es: 'Protección de los testigos', ru: 'Защита свидетелей' },
    reference: 'UNTOC art. 24; UNCAC art. 32',
  },
  {
    code: 'victim-assistance',
    labels: {
      ar: 'مساعدة الضحايا وحمايتهم',
      zh: '帮助和保护被害人',
      en: 'Assistance to and protection of victims',
      fr: 'Assistance et protection accordées aux victimes',
      es: 'Asistencia y protección a las víctimas',
      ru: 'Помощь потерпевшим и их защита',
    },
    reference: 'UNTOC art. 25; Trafficking in Persons Protocol arts. 6–8',
  },
  {
    code: 'jurisdiction',
    labels: { ar: 'الولاية القضائية', zh: '管辖权', en: 'Jurisdiction', fr: 'Compétence', es: 'Jurisdicción', ru: 'Юрисдикция' },
    reference: 'UNTOC art. 15; UNCAC art. 42',
  },
  {
    code: 'dual-criminality',
    labels: {
      ar: 'ازدواجية التجريم',
      zh: '双重犯罪',
      en: 'Dual criminality',
      fr: 'Double incrimination',
      es: 'Doble incriminación',
      ru: 'Обоюдное признание деяния преступлением',
    },
    descriptions: {
      ar: 'اشتراط أن يكون السلوك المعني جرما في كل من الدولة الطالبة والدولة متلقية الطلب.',
      zh: '要求有关行为在请求国和被请求国均构成犯罪。',
      en: 'The requirement that the conduct be an offence in both the requesting and the requested State.',
      fr: 'Condition selon laquelle le comportement doit constituer une infraction à la fois dans l’État requérant et dans l’État requis.',
      es: 'Requisito de que la conducta constituya delito tanto en el Estado requirente como en el Estado requerido.',
      ru: 'Требование о том, чтобы деяние являлось преступлением как в запрашивающем, так и в запрашиваемом государстве.',
    },
    reference: 'UNTOC arts. 16(1), 18(9); UNCAC art. 43(2)',
  },
  {
    code: 'confidentiality',
    labels: { ar: 'السرية', zh: '保密', en: 'Confidentiality', fr: 'Confidentialité', es: 'Confidencialidad', ru: 'Конфиденциальность' },
    reference: 'UNTOC art. 18(5), 18(20); Budapest Convention arts. 27(8), 28',
  },
  {
    code: 'human-rights-safeguards',
    labels: {
      ar: 'ضمانات حقوق الإنسان',
      zh: '人权保障',
      en: 'Human rights safeguards',
      fr: 'Garanties en matière de droits de l’homme',
      es: 'Salvaguardias de los derechos humanos',
      ru: 'Гарантии прав человека',
    },
    reference: 'UNTOC art. 16(13)–(14); Budapest Convention art. 15',
  },
  {
    code: 'gender',
    labels: { ar: 'المسائل الجنسانية', zh: '性别问题', en: 'Gender', fr: 'Questions de genre', es: 'Cuestiones de género', ru: 'Гендерные вопросы' },
  },
  {
    code: 'children',
    labels: { ar: 'الأطفال', zh: '儿童', en: 'Children', fr: 'Enfants', es: 'Niños', ru: 'Дети' },
  },
  {
    code: 'statute-of-limitations',
    labels: { ar: 'التقادم', zh: '时效', en: 'Statute of limitations', fr: 'Prescription', es: 'Prescripción', ru: 'Срок давности' },
    reference: 'UNTOC art. 11(5); UNCAC art. 29',
  },
  {
    code: 'video-conference',
    labels: { ar: 'الائتمار بواسطة الفيديو', zh: '视频会议', en: 'Video conference', fr: 'Vidéoconférence', es: 'Videoconferencia', ru: 'Видеоконференция' },
    reference: 'UNTOC arts. 18(18), 24(2)(b); UNCAC arts. 32(2)(b), 46(18)',
  },
];

/** Every taxonomy with its terms in display order. */
export const TAXONOMIES: Record<Taxonomy, readonly TermDefinition[]> = {
  crime: CRIME,
  cooperation: COOPERATION,
  issue: ISSUE,
  measure: MEASURES,
};

export const TAXONOMY_NAMES = Object.keys(TAXONOMIES) as Taxonomy[];

/** "taxonomy:code" of every defined term. */
export function definedTermKeys(): Set<string> {
  return new Set(TAXONOMY_NAMES.flatMap((t) => TAXONOMIES[t].map((d) => `${t}:${d.code}`)));
}
