/**
 * Declarations and reservations made on becoming party to the reference instruments. The UN
 * depositary publishes them in English and French, so demo States write them in French when
 * French is their language and in English otherwise.
 */
import type { Lang } from '../../../platform/i18n/languages.js';

export interface DeclarationTexts {
  /** "in Arabic or English" / "en arabe ou en anglais". */
  languages(langs: readonly Lang[]): string;
  untoc: { extraditionBasis: string; noExtraditionBasis: string; centralAuthority: string; languages: string; disputes: string };
  uncac: { extraditionBasis: string; centralAuthority: string; languages: string; disputes: string };
  /** {article}: the settlement-of-disputes article of the Protocol. */
  protocolDisputes: string;
  cybercrime: { centralAuthority: string; contactPoint: string; jurisdiction: string };
  extradition: { nationals: string; language: string };
  mla: { searchSeizure: string; judicialAuthorities: string };
}

const EN_NAMES: Record<Lang, string> = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian' };
const FR_NAMES: Record<Lang, string> = { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', es: 'espagnol', ru: 'russe' };

export const DECLARATIONS: Record<'en' | 'fr', DeclarationTexts> = {
  en: {
    languages: (langs) => `in ${langs.map((l) => EN_NAMES[l]).join(' or ')}`,
    untoc: {
      extraditionBasis: 'In accordance with article 16, paragraph 5 (a), of the Convention, the Government declares that it takes the Convention as the legal basis for cooperation on extradition with other States Parties.',
      noExtraditionBasis: 'In accordance with article 16, paragraph 5 (a), of the Convention, the Government declares that it does not take the Convention as the legal basis for cooperation on extradition with other States Parties.',
      centralAuthority: 'In accordance with article 18, paragraph 13, of the Convention, the central authority designated to receive requests for mutual legal assistance is {authority}.',
      languages: 'In accordance with article 18, paragraph 14, of the Convention, requests for mutual legal assistance and related communications shall be submitted {languages}.',
      disputes: 'In accordance with article 35, paragraph 3, of the Convention, the Government declares that it does not consider itself bound by paragraph 2 of article 35.',
    },
    uncac: {
      extraditionBasis: 'In accordance with article 44, paragraph 6 (a), of the Convention, the Government declares that it takes the Convention as the legal basis for cooperation on extradition with other States Parties.',
      centralAuthority: 'In accordance with article 46, paragraph 13, of the Convention, the central authority designated to receive requests for mutual legal assistance is {authority}.',
      languages: 'In accordance with article 46, paragraph 14, of the Convention, requests for mutual legal assistance shall be submitted {languages}.',
      disputes: 'In accordance with article 66, paragraph 3, of the Convention, the Government declares that it does not consider itself bound by paragraph 2 of article 66.',
    },
    protocolDisputes: 'In accordance with article {article}, paragraph 3, of the Protocol, the Government declares that it does not consider itself bound by paragraph 2 of article {article}.',
    cybercrime: {
      centralAuthority: 'In accordance with article 27, paragraph 2 (c), of the Convention, the central authority responsible for sending and answering requests for mutual assistance is {authority}.',
      contactPoint: 'In accordance with article 35 of the Convention, the point of contact available on a twenty-four hour, seven-day-a-week basis is the cybercrime unit of the national police.',
      jurisdiction: 'In accordance with article 22, paragraph 2, and article 42 of the Convention, the Government reserves the right not to apply the jurisdiction rule laid down in article 22, paragraph 1 (d).',
    },
    extradition: {
      nationals: 'In accordance with article 6, paragraph 1 (a), of the Convention, the Government declares that it will not extradite its own nationals.',
      language: 'In accordance with article 23 of the Convention, the Government requires that requests for extradition and supporting documents be accompanied by a translation {languages}.',
    },
    mla: {
      searchSeizure: 'In accordance with article 5, paragraph 1, of the Convention, the Government reserves the right to make the execution of letters rogatory for search or seizure of property dependent on the condition that the offence is punishable under both the law of the requesting Party and national law.',
      judicialAuthorities: 'In accordance with article 24 of the Convention, the Government declares that public prosecutors are also to be considered judicial authorities for the purposes of the Convention.',
    },
  },
  fr: {
    languages: (langs) => langs.map((l) => `en ${FR_NAMES[l]}`).join(' ou '),
    untoc: {
      extraditionBasis: 'Conformément à l’alinéa a) du paragraphe 5 de l’article 16 de la Convention, le Gouvernement déclare qu’il considère la Convention comme la base légale de la coopération en matière d’extradition avec d’autres États Parties.',
      noExtraditionBasis: 'Conformément à l’alinéa a) du paragraphe 5 de l’article 16 de la Convention, le Gouvernement déclare qu’il ne considère pas la Convention comme la base légale de la coopération en matière d’extradition avec d’autres États Parties.',
      centralAuthority: 'Conformément au paragraphe 13 de l’article 18 de la Convention, l’autorité centrale désignée pour recevoir les demandes d’entraide judiciaire est {authority}.',
      languages: 'Conformément au paragraphe 14 de l’article 18 de la Convention, les demandes d’entraide judiciaire et les communications qui s’y rapportent doivent être présentées {languages}.',
      disputes: 'Conformément au paragraphe 3 de l’article 35 de la Convention, le Gouvernement déclare qu’il ne se considère pas lié par le paragraphe 2 de l’article 35.',
    },
    uncac: {
      extraditionBasis: 'Conformément à l’alinéa a) du paragraphe 6 de l’article 44 de la Convention, le Gouvernement déclare qu’il considère la Convention comme la base légale de la coopération en matière d’extradition avec d’autres États Parties.',
      centralAuthority: 'Conformément au paragraphe 13 de l’article 46 de la Convention, l’autorité centrale désignée pour recevoir les demandes d’entraide judiciaire est {authority}.',
      languages: 'Conformément au paragraphe 14 de l’article 46 de la Convention, les demandes d’entraide judiciaire doivent être présentées {languages}.',
      disputes: 'Conformément au paragraphe 3 de l’article 66 de la Convention, le Gouvernement déclare qu’il ne se considère pas lié par le paragraphe 2 de l’article 66.',
    },
    protocolDisputes: 'Conformément au paragraphe 3 de l’article {article} du Protocole, le Gouvernement déclare qu’il ne se considère pas lié par le paragraphe 2 de l’article {article}.',
    cybercrime: {
      centralAuthority: 'Conformément à l’alinéa c) du paragraphe 2 de l’article 27 de la Convention, l’autorité centrale chargée d’envoyer les demandes d’entraide et d’y répondre est {authority}.',
      contactPoint: 'Conformément à l’article 35 de la Convention, le point de contact joignable vingt-quatre heures sur vingt-quatre, sept jours sur sept, est l’unité de lutte contre la cybercriminalité de la police nationale.',
      jurisdiction: 'Conformément au paragraphe 2 de l’article 22 et à l’article 42 de la Convention, le Gouvernement se réserve le droit de ne pas appliquer la règle de compétence définie à l’alinéa d) du paragraphe 1 de l’article 22.',
    },
    extradition: {
      nationals: 'Conformément à l’alinéa a) du paragraphe 1 de l’article 6 de la Convention, le Gouvernement déclare qu’il n’extradera pas ses ressortissants.',
      language: 'Conformément à l’article 23 de la Convention, le Gouvernement exige que les demandes d’extradition et les pièces à l’appui soient accompagnées d’une traduction {languages}.',
    },
    mla: {
      searchSeizure: 'Conformément au paragraphe 1 de l’article 5 de la Convention, le Gouvernement se réserve la faculté de soumettre l’exécution des commissions rogatoires aux fins de perquisition ou de saisie d’objets à la condition que l’infraction soit punissable selon la loi de la Partie requérante et selon la loi nationale.',
      judicialAuthorities: 'Conformément à l’article 24 de la Convention, le Gouvernement déclare que les membres du ministère public sont également considérés comme des autorités judiciaires aux fins de la Convention.',
    },
  },
};
