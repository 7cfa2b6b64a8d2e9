/**
 * The international instruments Palermo ships with: their identity (dates, depositary, official
 * sources) and the file holding their text under resources/instruments/. Titles are given only in
 * the languages in which the title is authentic: the six UN languages for the UN instruments,
 * English and French for Council of Europe treaties (plus the official Dutch translation's title,
 * which comes from the file itself). Dates: UN Treaty Collection and Council of Europe Treaty
 * Office; the dates printed in the texts' final clauses are checked by the tests.
 */
import type { TreatyDocument } from '../../knowledge/index.js';

export interface InstrumentDefinition {
  id: string;
  file: string;
  kind: TreatyDocument['kind'];
  short_name: string;
  organization: string;
  /** Adoption (UN General Assembly) or opening for signature (Council of Europe). */
  adopted_on: string;
  adopted_at: string;
  entry_into_force_on: string;
  depositary: string;
  parent_id?: string;
  source_url: string;
  /** Authentic titles by language (Dutch is added from the file). */
  titles: Record<string, string>;
  /** English note on the text held (stored as the English summary of the treaty entry). */
  note?: string;
}

const UN = 'United Nations';
const UN_SG = 'Secretary-General of the United Nations';
const COE = 'Council of Europe';
const COE_SG = 'Secretary General of the Council of Europe';
const untc = (no: string) => `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${no}&chapter=18&clang=_en`;
const coe = (no: string) => `https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=${no}`;

export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  {
    id: 'untoc',
    file: 'UNTOC_BWBV0001668.md',
    kind: 'universal',
    short_name: 'UNTOC',
    organization: UN,
    adopted_on: '2000-11-15',
    adopted_at: 'New York (General Assembly resolution 55/25); opened for signature at Palermo, 12 December 2000',
    entry_into_force_on: '2003-09-29',
    depositary: UN_SG,
    source_url: untc('XVIII-12'),
    titles: {
      ar: 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      zh: '联合国打击跨国有组织犯罪公约',
      en: 'United Nations Convention against Transnational Organized Crime',
      fr: 'Convention des Nations Unies contre la criminalité transnationale organisée',
      es: 'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      ru: 'Конвенция Организации Объединенных Наций против транснациональной организованной преступности',
    },
  },
  {
    id: 'untoc-tip',
    file: 'TIP_Protocol_BWBV0001749.md',
    kind: 'universal',
    short_name: 'Trafficking in Persons Protocol',
    organization: UN,
    adopted_on: '2000-11-15',
    adopted_at: 'New York (General Assembly resolution 55/25); opened for signature at Palermo, 12 December 2000',
    entry_into_force_on: '2003-12-25',
    depositary: UN_SG,
    parent_id: 'untoc',
    source_url: untc('XVIII-12-a'),
    titles: {
      ar: 'بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، المكمّل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      zh: '联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书',
      en: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
      fr: 'Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants',
      es: 'Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      ru: 'Протокол о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за нее, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
    },
  },
  {
    id: 'untoc-som',
    file: 'SOM_Protocol_BWBV0001750.md',
    kind: 'universal',
    short_name: 'Smuggling of Migrants Protocol',
    organization: UN,
    adopted_on: '2000-11-15',
    adopted_at: 'New York (General Assembly resolution 55/25); opened for signature at Palermo, 12 December 2000',
    entry_into_force_on: '2004-01-28',
    depositary: UN_SG,
    parent_id: 'untoc',
    source_url: untc('XVIII-12-b'),
    titles: {
      ar: 'بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو، المكمّل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      zh: '联合国打击跨国有组织犯罪公约关于打击陆、海、空偷运移民的补充议定书',
      en: 'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
      fr: 'Protocole contre le trafic illicite de migrants par terre, air et mer, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
      es: 'Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      ru: 'Протокол против незаконного ввоза мигрантов по суше, морю и воздуху, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
    },
  },
  {
    id: 'untoc-firearms',
    file: 'Firearms_Protocol_BWBV0001710.md',
    kind: 'universal',
    short_name: 'Firearms Protocol',
    organization: UN,
    adopted_on: '2001-05-31',
    adopted_at: 'New York (General Assembly resolution 55/255)',
    entry_into_force_on: '2005-07-03',
    depositary: UN_SG,
    parent_id: 'untoc',
    source_url: untc('XVIII-12-c'),
    titles: {
      ar: 'بروتوكول مكافحة صنع الأسلحة النارية وأجزائها ومكوّناتها والذخيرة والاتجار بها بصورة غير مشروعة، المكمّل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      zh: '联合国打击跨国有组织犯罪公约关于打击非法制造和贩运枪支及其零部件和弹药的补充议定书',
      en: 'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the United Nations Convention against Transnational Organized Crime',
      fr: 'Protocole contre la fabrication et le trafic illicites d’armes à feu, de leurs pièces, éléments et munitions, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
      es: 'Protocolo contra la fabricación y el tráfico ilícitos de armas de fuego, sus piezas y componentes y municiones, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      ru: 'Протокол против незаконного изготовления и оборота огнестрельного оружия, его составных частей и компонентов, а также боеприпасов к нему, дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
    },
  },
  {
    id: 'uncac',
    file: 'UNCAC_BWBV0001830.md',
    kind: 'universal',
    short_name: 'UNCAC',
    organization: UN,
    adopted_on: '2003-10-31',
    adopted_at: 'New York (General Assembly resolution 58/4); opened for signature at Merida, 9 December 2003',
    entry_into_force_on: '2005-12-14',
    depositary: UN_SG,
    source_url: untc('XVIII-14'),
    titles: {
      ar: 'اتفاقية الأمم المتحدة لمكافحة الفساد',
      zh: '联合国反腐败公约',
      en: 'United Nations Convention against Corruption',
      fr: 'Convention des Nations Unies contre la corruption',
      es: 'Convención de las Naciones Unidas contra la Corrupción',
      ru: 'Конвенция Организации Объединенных Наций против коррупции',
    },
  },
  {
    id: 'coe-cybercrime',
    file: 'Budapest_Cybercrime_BWBV0001839.md',
    kind: 'regional',
    short_name: 'Budapest Convention (ETS No. 185)',
    organization: COE,
    adopted_on: '2001-11-23',
    adopted_at: 'Budapest',
    entry_into_force_on: '2004-07-01',
    depositary: COE_SG,
    source_url: coe('185'),
    titles: { en: 'Convention on Cybercrime', fr: 'Convention sur la cybercriminalité' },
  },
  {
    id: 'coe-extradition',
    file: 'CoE_Extradition1957_BWBV0001010.md',
    kind: 'regional',
    short_name: 'ETS No. 24',
    organization: COE,
    adopted_on: '1957-12-13',
    adopted_at: 'Paris',
    entry_into_force_on: '1960-04-18',
    depositary: COE_SG,
    source_url: coe('024'),
    titles: { en: 'European Convention on Extradition', fr: 'Convention européenne d’extradition' },
    note:
      'The text held is the version published in the treaty database of the Netherlands, which incorporates amendments in force for the Netherlands: article 12, paragraph 1, reads as amended by the Second Additional Protocol (ETS No. 98).',
  },
  {
    id: 'coe-mla',
    file: 'CoE_MLA1959_BWBV0001009.md',
    kind: 'regional',
    short_name: 'ETS No. 30',
    organization: COE,
    adopted_on: '1959-04-20',
    adopted_at: 'Strasbourg',
    entry_into_force_on: '1962-06-12',
    depositary: COE_SG,
    source_url: coe('030'),
    titles: {
      en: 'European Convention on Mutual Assistance in Criminal Matters',
      fr: 'Convention européenne d’entraide judiciaire en matière pénale',
    },
    note:
      'The text held is the version published in the treaty database of the Netherlands, which incorporates amendments in force for the Netherlands: articles 1, 4, 11, 15, 20 and 24 read as replaced or supplemented by the Second Additional Protocol (ETS No. 182). The 1959 Convention has no article headings.',
  },
];
