/** Version française du corpus de démonstration. */
import type { DemoTexts } from '../types.js';
import { basis, caseNumber, courts, crimes, procedures } from './cases.js';
import { provisions1 } from './provisions-1.js';
import { provisions2 } from './provisions-2.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const UNITS = { year: ['an', 'ans'], month: ['mois', 'mois'], day: ['jour', 'jours'], person: ['personne', 'personnes'] } as const;

const loi = (subject: string): DemoTexts['laws'][keyof DemoTexts['laws']] => ({
  title: (p) => `Loi n° ${p.year}-${p.n} du ${frDate(p.date)} ${subject}`,
  citation: (p) => `Loi n° ${p.year}-${p.n}`,
});

function frDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

const inForce = (acte: string) => ({
  title: 'Entrée en vigueur et dénonciation',
  text: `Le présent ${acte} entre en vigueur le trentième jour suivant l’échange des instruments de ratification. Chacune des Parties peut le dénoncer par notification écrite. La dénonciation prend effet six mois après la date de la notification.`,
});

export const fr: DemoTexts = {
  lang: 'fr',
  sep: ' ',
  date: frDate,
  count(n, unit) {
    return `${n} ${UNITS[unit][n <= 1 ? 0 : 1]}`;
  },
  articleRef: (n) => `Article ${n}`,
  // « de » s’élide devant une voyelle apportée par un paramètre : « affaire d’entrave à la justice ».
  polish: (text) => text.replace(/(^|[\s(«\u00a0])([dD])e (?=[aeiouyàâéèêëîïôûAEIOUYÀÂÉÈÊËÎÏÔÛ])/g, '$1$2’'),
  inline: (name) => name,
  authorities: ['le ministère de la Justice', 'le parquet général', 'le ministère de l’Intérieur'],
  laws: {
    'criminal-code': loi('portant Code pénal'),
    'criminal-procedure': loi('portant Code de procédure pénale'),
    'mla-law': loi('relative à l’entraide judiciaire en matière pénale'),
    'aml-law': loi('relative à la lutte contre le blanchiment de capitaux et le financement du terrorisme'),
    'tip-law': loi('relative à la lutte contre la traite des personnes'),
    'cybercrime-law': loi('relative à la cybercriminalité'),
    'extradition-law': loi('relative à l’extradition'),
    'witness-protection-law': loi('relative à la protection des témoins'),
    'som-law': loi('relative à la lutte contre le trafic illicite de migrants'),
    'firearms-law': loi('portant régime des armes à feu, de leurs pièces, éléments et munitions'),
    'anti-corruption-law': loi('relative à la prévention et à la répression de la corruption'),
    'drug-law': loi('relative au contrôle des stupéfiants et des substances psychotropes'),
    'terrorism-law': loi('relative à la répression des actes de terrorisme'),
    'wildlife-law': loi('portant protection de la faune et de la flore sauvages'),
    'cultural-property-law': loi('relative à la protection du patrimoine culturel'),
    'medical-products-law': loi('relative aux médicaments et aux produits de santé'),
  },
  provisions: { ...provisions1, ...provisions2 },
  courts,
  caseNumber,
  crimes,
  procedures,
  basis,
  sourceTitle: (court, date) => `${court}, décision du ${date}`,
  strategies: {
    'organized-crime': {
      title: 'Stratégie nationale de lutte contre la criminalité organisée {start}–{end}',
      summary: 'La stratégie définit les priorités du Gouvernement pour prévenir la criminalité organisée, démanteler les groupes criminels et les priver de leurs avoirs.',
      goal: 'Elle vise à améliorer la détection des groupes criminels, à recourir systématiquement aux enquêtes financières et à renforcer la protection des témoins.',
    },
    'trafficking-in-persons': {
      title: 'Plan d’action national de lutte contre la traite des personnes {start}–{end}',
      summary: 'Le plan d’action porte sur la prévention de la traite des personnes, la poursuite des trafiquants et la protection des victimes.',
      goal: 'Il prévoit un mécanisme national d’orientation des victimes, une formation spécialisée des inspecteurs du travail et des policiers et des foyers d’accueil pour les enfants victimes.',
    },
    'smuggling-of-migrants': {
      title: 'Stratégie nationale de prévention et de lutte contre le trafic illicite de migrants {start}–{end}',
      summary: 'La stratégie vise à démanteler les réseaux de trafic de migrants tout en protégeant les droits et la vie des migrants objet d’un trafic illicite.',
      goal: 'Elle renforce la gestion des frontières, la recherche et le sauvetage en mer ainsi que les enquêtes sur les flux financiers des réseaux de passeurs.',
    },
    corruption: {
      title: 'Stratégie nationale de lutte contre la corruption {start}–{end}',
      summary: 'La stratégie vise à prévenir la corruption dans le secteur public, à réprimer les infractions de corruption et à recouvrer les avoirs détournés.',
      goal: 'Elle prévoit des déclarations de patrimoine des agents publics, la protection des lanceurs d’alerte et la transparence des marchés publics.',
    },
    cybercrime: {
      title: 'Stratégie nationale de cybersécurité et de lutte contre la cybercriminalité {start}–{end}',
      summary: 'La stratégie protège les infrastructures d’information critiques et renforce la capacité de l’État à enquêter sur la cybercriminalité et à en poursuivre les auteurs.',
      goal: 'Elle prévoit une unité spécialisée dans la lutte contre la cybercriminalité, un point de contact 24/7 et une formation au traitement des preuves électroniques.',
    },
    drugs: {
      title: 'Stratégie nationale de contrôle des drogues {start}–{end}',
      summary: 'La stratégie adopte une approche équilibrée visant à réduire l’offre et la demande de drogues illicites.',
      goal: 'Elle renforce le contrôle des précurseurs, des ports et des aéroports et développe les services de prévention et de traitement.',
    },
    'money-laundering': {
      title: 'Stratégie nationale de lutte contre le blanchiment de capitaux et le financement du terrorisme {start}–{end}',
      summary: 'La stratégie répond à l’évaluation nationale des risques de blanchiment de capitaux et de financement du terrorisme.',
      goal: 'Elle améliore la transparence des bénéficiaires effectifs, la supervision des entités assujetties et la confiscation des avoirs criminels.',
    },
    firearms: {
      title: 'Plan d’action national sur les armes légères et de petit calibre {start}–{end}',
      summary: 'Le plan d’action vise à prévenir la fabrication et le trafic illicites d’armes à feu, de leurs pièces, éléments et munitions.',
      goal: 'Il prévoit le marquage de toutes les armes à feu, un registre central et la destruction des armes saisies et excédentaires.',
    },
    wildlife: {
      title: 'Stratégie nationale de lutte contre la criminalité liée aux espèces sauvages et aux forêts {start}–{end}',
      summary: 'La stratégie traite la criminalité liée aux espèces sauvages et aux forêts comme une forme grave de criminalité et s’attaque aux réseaux criminels impliqués.',
      goal: 'Elle renforce la coopération entre les douanes, la police et les services chargés de la faune ainsi que le recours aux analyses scientifiques.',
    },
  },
  strategyBody: [
    'Le texte repose sur une évaluation des menaces et des lacunes du cadre juridique et institutionnel, réalisée avec les services de détection et de répression, l’autorité judiciaire, la société civile et le secteur privé.',
    [
      'La coopération internationale est une priorité, notamment le réexamen des traités d’extradition et d’entraide judiciaire et l’utilisation de la Convention des Nations Unies contre la criminalité transnationale organisée comme base légale.',
      'L’autorité centrale chargée de l’entraide judiciaire est renforcée, et les magistrats sont formés à la coopération internationale.',
    ],
    'Un comité interministériel coordonne la mise en œuvre. Les progrès sont évalués chaque année au regard d’indicateurs, et une évaluation finale est prévue en {end}.',
  ],
  adoptedBy: ['Conseil des ministres', 'Gouvernement', 'Premier ministre', 'Président de la République', 'Conseil national de sécurité'],
  treaties: {
    mla: {
      title: 'Traité d’entraide judiciaire en matière pénale ({a} – {b})',
      provisions: [
        { title: 'Champ d’application de l’entraide', text: 'Les Parties s’accordent mutuellement l’entraide judiciaire la plus large possible dans les enquêtes, poursuites et procédures relatives à des affaires pénales.' },
        { title: 'Autorités centrales', text: 'Les demandes sont présentées et reçues par l’intermédiaire des autorités centrales désignées par chaque Partie, qui communiquent directement entre elles.' },
        { title: 'Refus de l’entraide', text: 'L’entraide peut être refusée si la demande se rapporte à une infraction politique, si son exécution porterait atteinte à la souveraineté, à la sécurité ou à l’ordre public de la Partie requise, ou s’il existe des raisons sérieuses de croire qu’elle a été présentée aux fins de poursuivre une personne en raison de sa race, de son sexe, de sa religion, de sa nationalité ou de ses opinions politiques.' },
        { title: 'Forme et contenu des demandes', text: 'Les demandes sont présentées par écrit et indiquent l’autorité chargée de la procédure, l’objet et la nature de la procédure, un résumé des faits, l’assistance requise et son but.' },
        { title: 'Exécution des demandes', text: 'Les demandes sont exécutées promptement conformément au droit de la Partie requise et, dans la mesure où ce droit ne s’y oppose pas, selon les modalités indiquées par la Partie requérante.' },
        { title: 'Confidentialité et limitation de l’usage', text: 'La Partie requise garde le secret sur la demande si elle en est priée, et la Partie requérante n’utilise pas les informations ou éléments de preuve obtenus en vertu du présent Traité à des fins autres que celles indiquées dans la demande sans le consentement préalable de la Partie requise.' },
        { title: 'Audition par vidéoconférence', text: 'Lorsqu’une personne qui se trouve sur le territoire d’une Partie doit être entendue comme témoin ou expert par les autorités judiciaires de l’autre Partie, l’audition peut avoir lieu par vidéoconférence.' },
        inForce('Traité'),
      ],
    },
    extradition: {
      title: 'Traité d’extradition ({a} – {b})',
      provisions: [
        { title: 'Obligation d’extrader', text: 'Les Parties s’engagent à se livrer réciproquement les personnes recherchées aux fins de poursuites ou aux fins du prononcé ou de l’exécution d’une peine pour une infraction donnant lieu à extradition.' },
        { title: 'Infractions donnant lieu à extradition', text: 'Donnent lieu à extradition les infractions punies, par la loi des deux Parties, d’une peine privative de liberté d’un maximum d’au moins un an ou d’une peine plus sévère.' },
        { title: 'Motifs obligatoires de refus', text: 'L’extradition est refusée si l’infraction est une infraction politique, si la personne serait soumise à la torture ou à des traitements cruels, inhumains ou dégradants, ou si un jugement définitif a été rendu dans la Partie requise pour la même infraction.' },
        { title: 'Extradition des nationaux', text: 'Chaque Partie peut refuser d’extrader ses ressortissants. Dans ce cas, elle soumet l’affaire, à la demande de l’autre Partie, à ses autorités compétentes aux fins de poursuites.' },
        { title: 'Arrestation provisoire', text: 'En cas d’urgence, une Partie peut demander l’arrestation provisoire de la personne recherchée en attendant la présentation de la demande d’extradition, qui doit parvenir dans les soixante jours suivant l’arrestation.' },
        { title: 'Règle de la spécialité', text: 'La personne extradée en vertu du présent Traité ne peut être poursuivie, condamnée ou détenue pour une infraction antérieure à la remise autre que celle ayant motivé l’extradition, sauf consentement de la Partie requise.' },
        inForce('Traité'),
      ],
    },
    transfer: {
      title: 'Accord sur le transfèrement des personnes condamnées ({a} – {b})',
      provisions: [
        { title: 'Principe général', text: 'Une personne condamnée sur le territoire d’une Partie peut être transférée sur le territoire de l’autre Partie pour y subir la peine prononcée.' },
        { title: 'Conditions du transfèrement', text: 'Le transfèrement n’est possible que si la personne condamnée est ressortissante de la Partie d’exécution, si le jugement est définitif, s’il reste au moins six mois de peine à subir et si les faits constituent une infraction au regard de la loi des deux Parties.' },
        { title: 'Consentement de la personne condamnée', text: 'Le transfèrement est subordonné au consentement de la personne condamnée, donné volontairement et en pleine connaissance de ses conséquences juridiques.' },
        { title: 'Poursuite de l’exécution', text: 'La Partie d’exécution poursuit l’exécution de la peine et est liée par sa nature juridique et sa durée. Si la peine est incompatible avec sa législation, elle peut l’adapter à la peine prévue pour une infraction de même nature.' },
        inForce('Accord'),
      ],
    },
  },
};
