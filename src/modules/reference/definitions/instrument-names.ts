/**
 * Names of the shipped instruments in the six UN languages beyond their authentic titles
 * (definitions/instruments.ts): short names, the Council of Europe titles in the languages in which
 * they are not authentic, and the metadata values (organization, depositary, place of adoption).
 *
 * - Short names are Palermo's short forms (the official title is the full one); English keeps the
 *   customary acronyms and the Council of Europe treaty numbers; Arabic short names carry no Latin
 *   letters (a Latin "ETS" inside Arabic text reorders badly).
 * - Council of Europe titles in ar, zh, es, ru are Palermo translations (only English and French are
 *   authentic): pages mark them as such.
 * - Organization and depositary are the bodies' names in each language as the UN and the Council of
 *   Europe write them.
 */
import type { Lang } from '../../../platform/i18n/languages.js';

type Six = Readonly<Record<Lang, string>>;
type FourNonAuthentic = Readonly<Record<'ar' | 'zh' | 'es' | 'ru', string>>;

export const INSTRUMENT_SHORT_NAMES: Readonly<Record<string, Six>> = {
  untoc: {
    ar: 'اتفاقية الجريمة المنظمة',
    zh: '有组织犯罪公约',
    en: 'UNTOC',
    fr: 'Convention contre la criminalité organisée',
    es: 'Convención contra la Delincuencia Organizada',
    ru: 'Конвенция против организованной преступности',
  },
  'untoc-tip': {
    ar: 'بروتوكول الاتجار بالأشخاص',
    zh: '人口贩运议定书',
    en: 'Trafficking in Persons Protocol',
    fr: 'Protocole relatif à la traite des personnes',
    es: 'Protocolo contra la trata de personas',
    ru: 'Протокол о торговле людьми',
  },
  'untoc-som': {
    ar: 'بروتوكول تهريب المهاجرين',
    zh: '偷运移民议定书',
    en: 'Smuggling of Migrants Protocol',
    fr: 'Protocole relatif au trafic illicite de migrants',
    es: 'Protocolo contra el tráfico ilícito de migrantes',
    ru: 'Протокол о незаконном ввозе мигрантов',
  },
  'untoc-firearms': {
    ar: 'بروتوكول الأسلحة النارية',
    zh: '枪支议定书',
    en: 'Firearms Protocol',
    fr: 'Protocole relatif aux armes à feu',
    es: 'Protocolo sobre armas de fuego',
    ru: 'Протокол об огнестрельном оружии',
  },
  uncac: {
    ar: 'اتفاقية مكافحة الفساد',
    zh: '反腐败公约',
    en: 'UNCAC',
    fr: 'Convention contre la corruption',
    es: 'Convención contra la Corrupción',
    ru: 'Конвенция против коррупции',
  },
  'coe-cybercrime': {
    ar: 'اتفاقية بودابست (رقم 185)',
    zh: '布达佩斯公约（ETS第185号）',
    en: 'Budapest Convention (ETS No. 185)',
    fr: 'Convention de Budapest (STE no 185)',
    es: 'Convenio de Budapest (STE n.º 185)',
    ru: 'Будапештская конвенция (ETS № 185)',
  },
  'coe-extradition': {
    ar: 'الاتفاقية الأوروبية لتسليم المجرمين (رقم 24)',
    zh: '欧洲引渡公约（ETS第24号）',
    en: 'ETS No. 24',
    fr: 'STE no 24',
    es: 'Convenio Europeo de Extradición (STE n.º 24)',
    ru: 'Европейская конвенция о выдаче (ETS № 24)',
  },
  'coe-mla': {
    ar: 'الاتفاقية الأوروبية للمساعدة المتبادلة في المسائل الجنائية (رقم 30)',
    zh: '欧洲刑事司法协助公约（ETS第30号）',
    en: 'ETS No. 30',
    fr: 'STE no 30',
    es: 'Convenio Europeo de Asistencia Judicial en Materia Penal (STE n.º 30)',
    ru: 'Европейская конвенция о взаимной правовой помощи по уголовным делам (ETS № 30)',
  },
};

/** Palermo translations of Council of Europe titles into the languages in which they are not authentic. */
export const TRANSLATED_TITLES: Readonly<Record<string, FourNonAuthentic>> = {
  'coe-cybercrime': { ar: 'الاتفاقية المتعلقة بالجريمة الإلكترونية', zh: '网络犯罪公约', es: 'Convenio sobre la Ciberdelincuencia', ru: 'Конвенция о преступности в сфере компьютерной информации' },
  'coe-extradition': { ar: 'الاتفاقية الأوروبية لتسليم المجرمين', zh: '欧洲引渡公约', es: 'Convenio Europeo de Extradición', ru: 'Европейская конвенция о выдаче' },
  'coe-mla': { ar: 'الاتفاقية الأوروبية للمساعدة المتبادلة في المسائل الجنائية', zh: '欧洲刑事司法协助公约', es: 'Convenio Europeo de Asistencia Judicial en Materia Penal', ru: 'Европейская конвенция о взаимной правовой помощи по уголовным делам' },
};

/** Metadata values of the shipped instruments (English as in definitions/instruments.ts) in the six languages. */
export const METADATA_VALUES: Readonly<Record<string, Six>> = {
  'United Nations': { ar: 'الأمم المتحدة', zh: '联合国', en: 'United Nations', fr: 'Organisation des Nations Unies', es: 'Naciones Unidas', ru: 'Организация Объединенных Наций' },
  'Secretary-General of the United Nations': {
    ar: 'الأمين العام للأمم المتحدة',
    zh: '联合国秘书长',
    en: 'Secretary-General of the United Nations',
    fr: 'Secrétaire général de l’Organisation des Nations Unies',
    es: 'Secretario General de las Naciones Unidas',
    ru: 'Генеральный секретарь Организации Объединенных Наций',
  },
  'Council of Europe': { ar: 'مجلس أوروبا', zh: '欧洲委员会', en: 'Council of Europe', fr: 'Conseil de l’Europe', es: 'Consejo de Europa', ru: 'Совет Европы' },
  'Secretary General of the Council of Europe': {
    ar: 'الأمين العام لمجلس أوروبا',
    zh: '欧洲委员会秘书长',
    en: 'Secretary General of the Council of Europe',
    fr: 'Secrétaire Général du Conseil de l’Europe',
    es: 'Secretario General del Consejo de Europa',
    ru: 'Генеральный секретарь Совета Европы',
  },
  'New York (General Assembly resolution 55/25); opened for signature at Palermo, 12 December 2000': {
    ar: 'نيويورك (قرار الجمعية العامة 55/25)؛ فُتح باب التوقيع عليها في باليرمو في 12 كانون الأول/ديسمبر 2000',
    zh: '纽约（大会第55/25号决议）；2000年12月12日在巴勒莫开放签署',
    en: 'New York (General Assembly resolution 55/25); opened for signature at Palermo, 12 December 2000',
    fr: 'New York (résolution 55/25 de l’Assemblée générale) ; ouverte à la signature à Palerme le 12 décembre 2000',
    es: 'Nueva York (resolución 55/25 de la Asamblea General); abierta a la firma en Palermo el 12 de diciembre de 2000',
    ru: 'Нью-Йорк (резолюция 55/25 Генеральной Ассамблеи); открыта для подписания в Палермо 12 декабря 2000 года',
  },
  'New York (General Assembly resolution 55/255)': {
    ar: 'نيويورك (قرار الجمعية العامة 55/255)',
    zh: '纽约（大会第55/255号决议）',
    en: 'New York (General Assembly resolution 55/255)',
    fr: 'New York (résolution 55/255 de l’Assemblée générale)',
    es: 'Nueva York (resolución 55/255 de la Asamblea General)',
    ru: 'Нью-Йорк (резолюция 55/255 Генеральной Ассамблеи)',
  },
  'New York (General Assembly resolution 58/4); opened for signature at Merida, 9 December 2003': {
    ar: 'نيويورك (قرار الجمعية العامة 58/4)؛ فُتح باب التوقيع عليها في ميريدا في 9 كانون الأول/ديسمبر 2003',
    zh: '纽约（大会第58/4号决议）；2003年12月9日在梅里达开放签署',
    en: 'New York (General Assembly resolution 58/4); opened for signature at Merida, 9 December 2003',
    fr: 'New York (résolution 58/4 de l’Assemblée générale) ; ouverte à la signature à Mérida le 9 décembre 2003',
    es: 'Nueva York (resolución 58/4 de la Asamblea General); abierta a la firma en Mérida el 9 de diciembre de 2003',
    ru: 'Нью-Йорк (резолюция 58/4 Генеральной Ассамблеи); открыта для подписания в Мериде 9 декабря 2003 года',
  },
  Budapest: { ar: 'بودابست', zh: '布达佩斯', en: 'Budapest', fr: 'Budapest', es: 'Budapest', ru: 'Будапешт' },
  Paris: { ar: 'باريس', zh: '巴黎', en: 'Paris', fr: 'Paris', es: 'París', ru: 'Париж' },
  Strasbourg: { ar: 'ستراسبورغ', zh: '斯特拉斯堡', en: 'Strasbourg', fr: 'Strasbourg', es: 'Estrasburgo', ru: 'Страсбург' },
};
