/** Français : jurisprudence (faits par infraction, décisions par forme de coopération, juridictions). */
import type { DemoTexts } from '../types.js';

export const crimes: DemoTexts['crimes'] = {
  'tip-sexual': {
    label: 'traite des personnes aux fins d’exploitation sexuelle',
    facts: [
      'À partir de {year}, les accusés, agissant au sein d’un groupe structuré de {n}, ont recruté à l’étranger de jeunes femmes en leur faisant miroiter des emplois dans la restauration et l’hôtellerie.',
      ['À leur arrivée, leurs passeports leur ont été retirés et elles ont été contraintes de se prostituer pour rembourser de prétendues dettes de voyage.', 'Les victimes étaient logées dans des appartements contrôlés par le groupe et contraintes de se prostituer sous la menace de représailles contre leurs familles.'],
      'Les profits étaient perçus en espèces et envoyés à l’étranger par l’intermédiaire de services de transfert de fonds.',
    ],
  },
  'tip-labour': {
    label: 'traite des personnes aux fins de travail forcé',
    facts: [
      'À partir de {year}, les accusés ont recruté à l’étranger des travailleurs pour des exploitations agricoles et des chantiers, en leur promettant des salaires qui n’ont jamais été versés.',
      'L’inspection du travail a identifié plus de {n} maintenues en servitude pour dettes, privées de leurs documents d’identité et logées dans des conteneurs surpeuplés.',
      ['Les salaires dus étaient virés sur des comptes détenus à l’étranger par des proches des accusés.', 'Une partie des profits a été investie dans l’immobilier par l’intermédiaire d’une société immatriculée à l’étranger.'],
    ],
  },
  'som-sea': {
    label: 'trafic illicite de migrants par mer',
    facts: [
      'En {year}, les accusés ont organisé plusieurs traversées maritimes à bord d’embarcations en mauvais état pour des migrants qui avaient payé des sommes importantes pour le voyage.',
      ['Au cours d’une traversée, le moteur est tombé en panne et les garde-côtes ont secouru en mer plus de {n}.', 'Plus de {n} ont été transbordées en mer sur de plus petites embarcations et abandonnées près des côtes.'],
      'Les paiements transitaient par des systèmes informels de transfert de fonds dans plusieurs pays.',
    ],
  },
  'drugs-cocaine': {
    label: 'trafic international de cocaïne',
    facts: [
      'En {year}, les douaniers ont découvert de la cocaïne dissimulée dans un conteneur de fruits arrivé par voie maritime.',
      ['Une livraison surveillée a permis aux enquêteurs d’identifier les membres du réseau, un groupe de {n}, qui ont réceptionné la cargaison.', 'L’enquête a révélé qu’un groupe de {n} avait organisé plusieurs envois antérieurs par la même route.'],
      'La drogue avait été expédiée depuis un port étranger par une société contrôlée par le réseau.',
    ],
  },
  laundering: {
    label: 'blanchiment du produit du crime au moyen de sociétés écrans',
    facts: [
      'À partir de {year}, les accusés ont blanchi le produit d’escroqueries et d’un trafic de stupéfiants au moyen de sociétés immatriculées dans plusieurs juridictions.',
      ['Les fonds étaient transférés au moyen de fausses factures de conseil, puis investis dans l’immobilier.', 'Les accusés utilisaient des comptes ouverts au nom de prête-noms et transféraient les fonds à l’étranger par petites sommes.'],
      'La cellule de renseignement financier a signalé les opérations suspectes au procureur de la République.',
    ],
  },
  bribery: {
    label: 'corruption d’agents publics dans la passation des marchés publics',
    facts: [
      'En {year}, une entreprise de construction a obtenu des marchés publics après avoir versé des pots-de-vin à des fonctionnaires du ministère chargé des travaux publics.',
      ['Les pots-de-vin étaient versés par l’intermédiaire d’une société étrangère au titre de contrats de conseil fictifs.', 'Les fonctionnaires percevaient les pots-de-vin sur des comptes ouverts à l’étranger au nom de proches.'],
      'Un audit interne et le signalement d’un lanceur d’alerte ont conduit à l’ouverture de l’enquête.',
    ],
  },
  ransomware: {
    label: 'attaques par rançongiciel contre des hôpitaux et des entreprises',
    facts: [
      'En {year}, les systèmes informatiques d’hôpitaux et d’entreprises ont été chiffrés par un rançongiciel, et une rançon en cryptoactifs a été exigée des victimes.',
      ['L’enquête a permis de rattacher les attaques à un groupe de {n} exploitant des serveurs situés à l’étranger.', 'Les enquêteurs ont identifié les accusés grâce aux adresses de cryptoactifs utilisées pour percevoir les rançons.'],
      'Les données détenues par des fournisseurs de services étrangers ont été essentielles pour identifier les auteurs.',
    ],
  },
  'online-fraud': {
    label: 'escroquerie aux placements en ligne',
    facts: [
      'À partir de {year}, les accusés ont exploité des centres d’appels proposant des placements fictifs en ligne à des milliers de victimes dans plusieurs pays.',
      ['L’argent des victimes était viré sur des comptes à l’étranger, puis converti en cryptoactifs.', 'Les sites Internet utilisés par le groupe étaient hébergés à l’étranger et enregistrés sous de fausses identités.'],
      'Le préjudice total a été estimé à plusieurs millions de dollars des États-Unis.',
    ],
  },
  firearms: {
    label: 'trafic d’armes à feu',
    facts: [
      'En {year}, la police a saisi un lot de pistolets et de fusils d’assaut dont les numéros de série avaient été effacés.',
      ['Le traçage a montré que les armes avaient été achetées légalement à l’étranger et introduites clandestinement dans des véhicules dotés de caches.', 'Certaines armes avaient été assemblées à partir de pièces et d’éléments commandés en ligne.'],
      'Un groupe de {n} était soupçonné de fournir les armes à des organisations criminelles.',
    ],
  },
  cultural: {
    label: 'trafic de biens culturels',
    facts: [
      'En {year}, des objets archéologiques pillés sur des sites de fouilles ont été mis en vente par une maison de ventes aux enchères à l’étranger.',
      ['Les objets avaient été exportés au moyen de faux certificats les présentant comme des répliques modernes.', 'Des experts ont établi que les objets provenaient d’un site archéologique protégé.'],
      'Les autorités de l’État d’origine ont demandé la saisie et la restitution des objets.',
    ],
  },
  wildlife: {
    label: 'trafic d’espèces sauvages protégées',
    facts: [
      'En {year}, les douaniers ont saisi plusieurs centaines de kilogrammes d’ivoire et d’écailles de pangolin dissimulés dans une cargaison déclarée comme du bois.',
      ['L’enquête a permis d’identifier un réseau de {n} qui organisait le transport depuis les pays d’origine jusqu’aux marchés.', 'La cargaison avait transité par plusieurs ports sous couvert de documents falsifiés.'],
      'Des analyses scientifiques ont permis d’établir l’origine de l’ivoire.',
    ],
  },
  piracy: {
    label: 'piraterie et vols à main armée à l’encontre des navires',
    facts: [
      'En {year}, des hommes armés sont montés à bord d’un navire marchand en haute mer et ont retenu son équipage en otage pendant plusieurs semaines.',
      ['Les suspects ont été appréhendés par une patrouille navale et remis aux autorités aux fins de poursuites.', 'L’armateur a versé une rançon, dont une partie a ensuite été retrouvée sur des comptes à l’étranger.'],
      'L’équipage comprenait des ressortissants de plusieurs États, qui ont déposé en qualité de témoins.',
    ],
  },
  counterfeit: {
    label: 'trafic de marchandises contrefaisantes',
    facts: [
      'En {year}, les douaniers ont saisi un important lot de vêtements, d’appareils électroniques et de pièces détachées contrefaisants.',
      ['Les marchandises étaient écoulées sur des plateformes de vente en ligne et dans des entrepôts contrôlés par un groupe de {n}.', 'L’enquête a montré que les marchandises étaient importées par plusieurs ports de transit afin d’échapper aux contrôles.'],
      'Les titulaires des marques se sont constitués parties civiles.',
    ],
  },
  medicines: {
    label: 'trafic de produits médicaux falsifiés',
    facts: [
      'En {year}, les autorités sanitaires ont détecté des antibiotiques et des antipaludiques falsifiés vendus en pharmacie et en ligne.',
      ['Les analyses de laboratoire ont montré que les produits ne contenaient aucun principe actif.', 'Les produits avaient été fabriqués à l’étranger et importés sous de fausses déclarations.'],
      'Plusieurs patients ont subi un préjudice grave après avoir pris ces produits.',
    ],
  },
  'terror-financing': {
    label: 'financement du terrorisme',
    facts: [
      'À partir de {year}, les accusés ont collecté des fonds par l’intermédiaire d’une association caritative et les ont transférés à des membres d’une organisation terroriste à l’étranger.',
      ['Les transferts étaient effectués par petites sommes par l’intermédiaire de services de transfert de fonds afin d’échapper à la détection.', 'Les fonds ont servi à acheter des armes et à rémunérer des combattants.'],
      'La cellule de renseignement financier a repéré les opérations.',
    ],
  },
  obstruction: {
    label: 'entrave à la justice et intimidation de témoins',
    facts: [
      'En {year}, au cours du procès de membres d’un groupe criminel organisé, plusieurs témoins à charge ont rétracté leurs déclarations.',
      ['L’enquête a montré qu’ils avaient été menacés et s’étaient vu offrir de l’argent par des complices des accusés.', 'Un témoin, qui s’était établi à l’étranger, a signalé avoir été menacé par téléphone.'],
      'Le parquet a ouvert une procédure distincte pour entrave à la justice.',
    ],
  },
};

export const procedures: DemoTexts['procedures'] = {
  'extradition-granted': {
    title: 'Extradition d’une personne recherchée pour {crime}',
    summary: 'La juridiction a autorisé l’extradition de la personne réclamée vers l’État requérant ({partner}) aux fins de poursuites.',
    decision: [
      'La juridiction a constaté que l’infraction était punie, par la loi des deux États, d’une peine privative de liberté supérieure à un an et que la demande était accompagnée des pièces requises.',
      ['Elle a jugé que la personne réclamée n’avait pas démontré l’existence d’un risque réel de mauvais traitements dans l’État requérant.', 'Elle a écarté l’argument selon lequel les poursuites auraient un caractère politique.'],
      'L’extradition a été autorisée sous réserve de la règle de la spécialité.',
    ],
    commentary: ['La décision confirme que la double incrimination s’apprécie au regard du comportement en cause et non de la qualification juridique de l’infraction.'],
  },
  'extradition-refused': {
    title: 'Refus d’extrader une personne recherchée pour {crime}',
    summary: 'La juridiction a refusé l’extradition vers l’État requérant ({partner}), et l’affaire a été renvoyée aux autorités de poursuite nationales.',
    decision: [
      ['La juridiction a constaté que la personne réclamée avait la nationalité de l’État requis et que la Constitution interdit l’extradition des nationaux.', 'La juridiction a constaté que l’État requérant n’avait pas donné d’assurances suffisantes quant aux conditions de détention.'],
      'En application du principe «\u00a0extrader ou poursuivre\u00a0», l’affaire a été soumise sans retard excessif aux autorités compétentes aux fins de poursuites.',
      'Les éléments de preuve transmis par l’État requérant ont été admis dans la procédure nationale.',
    ],
    commentary: ['L’affaire montre comment l’obligation d’extrader ou de poursuivre garantit que le refus d’extrader ne conduit pas à l’impunité.'],
  },
  'mla-evidence': {
    title: 'Condamnation pour {crime} sur la base de preuves obtenues par l’entraide judiciaire',
    summary: 'La juridiction a condamné les accusés sur la base de preuves obtenues de l’État requis ({partner}) par la voie de l’entraide judiciaire.',
    decision: [
      'La juridiction a admis les relevés bancaires et les déclarations de témoins obtenus à l’étranger, estimant qu’ils avaient été recueillis conformément au droit de l’État requis et aux procédures précisées dans la demande.',
      'Les accusés ont été condamnés à des peines d’emprisonnement allant jusqu’à {years}.',
      ['La juridiction a également ordonné la confiscation du produit de l’infraction.', 'La juridiction a rejeté l’argument de la défense selon lequel les preuves obtenues à l’étranger étaient irrecevables.'],
    ],
    commentary: ['L’affaire montre l’importance de préciser dans la demande la procédure à suivre, afin que les preuves recueillies à l’étranger soient recevables au procès.'],
  },
  jit: {
    title: 'Enquête commune sur des faits de {crime}',
    summary: 'Les accusés ont été condamnés à l’issue d’une enquête commune menée par les autorités nationales et celles de l’État partenaire ({partner}).',
    decision: [
      'La juridiction a jugé recevables les preuves recueillies à l’étranger par les membres de l’équipe commune d’enquête, celles-ci ayant été obtenues conformément à l’accord portant création de l’équipe.',
      'Les accusés ont été condamnés à des peines d’emprisonnement allant jusqu’à {years}.',
    ],
    commentary: ['L’équipe commune d’enquête a permis d’arrêter simultanément les suspects dans les deux États et de geler leurs avoirs de manière coordonnée.'],
  },
  confiscation: {
    title: 'Exécution d’une décision de confiscation étrangère dans une affaire de {crime}',
    summary: 'La juridiction a donné effet à une décision de confiscation rendue dans l’État requérant ({partner}) et ordonné la confiscation d’avoirs situés sur le territoire national.',
    decision: [
      'La juridiction a constaté que la décision de confiscation était définitive, que le propriétaire avait pu faire valoir ses droits dans l’État requérant et que les avoirs constituaient le produit de l’infraction.',
      ['La moitié des avoirs confisqués doit être partagée avec l’État requérant en vertu d’un accord de partage.', 'Les avoirs confisqués doivent être restitués à l’État requérant afin d’indemniser les victimes.'],
    ],
    commentary: ['La décision illustre la reconnaissance des décisions de confiscation étrangères et la restitution du produit confisqué aux victimes de l’infraction.'],
  },
  'e-evidence': {
    title: 'Preuves électroniques obtenues à l’étranger dans une affaire de {crime}',
    summary: 'Des données stockées par des fournisseurs de services dans l’État requis ({partner}) ont été conservées, puis obtenues par la voie de l’entraide judiciaire.',
    decision: [
      'La juridiction a admis les données relatives aux abonnés, les données relatives au trafic et les contenus stockés obtenus auprès d’un fournisseur de services étranger, estimant que la chaîne de conservation des preuves avait été documentée.',
      'Les accusés ont été condamnés à des peines d’emprisonnement allant jusqu’à {years}.',
    ],
    commentary: ['Une demande de conservation rapide adressée par l’intermédiaire du réseau 24/7 a empêché l’effacement des données avant l’arrivée de la demande d’entraide judiciaire.'],
  },
  'video-witness': {
    title: 'Audition de témoins par vidéoconférence dans une affaire de {crime}',
    summary: 'Des témoins se trouvant dans l’État requis ({partner}) ont été entendus par vidéoconférence au cours du procès.',
    decision: [
      'La juridiction a jugé que l’audition par vidéoconférence, tenue en présence d’une autorité judiciaire de l’État requis et avec interprétation, respectait les droits de la défense.',
      'Les accusés ont été condamnés à des peines d’emprisonnement allant jusqu’à {years}.',
    ],
    commentary: ['L’audition des témoins par vidéoconférence leur a évité le déplacement et les a protégés de tout contact avec les accusés.'],
  },
  'transfer-sentenced': {
    title: 'Transfèrement d’une personne condamnée pour {crime}',
    summary: 'La juridiction a autorisé le transfèrement d’un ressortissant condamné dans l’État de condamnation ({partner}) afin qu’il purge le reste de sa peine sur le territoire national.',
    decision: [
      'La juridiction a constaté que la personne condamnée avait consenti au transfèrement et que les faits constituaient une infraction au regard du droit national.',
      'Elle a adapté la peine à la peine maximale prévue par le droit national, soit {years} d’emprisonnement.',
    ],
    commentary: ['Le transfèrement favorise la réinsertion sociale de la personne condamnée, qui peut purger sa peine près de sa famille.'],
  },
  'domestic-conviction': {
    title: 'Condamnation de membres d’un groupe criminel organisé pour {crime}',
    summary: 'Des membres du groupe ont été condamnés à l’issue d’une enquête menée en coopération avec la police de l’État partenaire ({partner}).',
    decision: [
      'La juridiction a constaté que les accusés avaient agi au sein d’un groupe structuré, existant depuis un certain temps et visant à obtenir un avantage financier.',
      'Les preuves issues d’opérations d’infiltration et d’interceptions de communications autorisées par un juge ont été admises.',
      'Les accusés ont été condamnés à des peines d’emprisonnement allant jusqu’à {years}.',
    ],
    commentary: ['Les informations échangées entre les services de police des deux États par l’intermédiaire d’officiers de liaison ont été déterminantes pour identifier les dirigeants du groupe.'],
  },
};

export const basis: DemoTexts['basis'] = {
  untoc: 'La Convention des Nations Unies contre la criminalité transnationale organisée a servi de base légale à la coopération, aucun traité bilatéral n’étant en vigueur entre les deux États.',
  other: [
    'La coopération s’est fondée sur un traité bilatéral entre les deux États.',
    'En l’absence de traité, la coopération s’est fondée sur la réciprocité.',
    'La coopération s’est fondée sur une convention régionale à laquelle les deux États sont parties.',
  ],
};

export const courts: DemoTexts['courts'] = {
  apex: ['Cour de cassation, chambre criminelle', 'Cour suprême, chambre judiciaire', 'Cour suprême'],
  appeal: ['Cour d’appel, chambre de l’instruction', 'Cour d’appel, chambre correctionnelle', 'Cour d’appel'],
  trial: ['Tribunal correctionnel', 'Tribunal de grande instance', 'Tribunal de première instance', 'Tribunal de première instance, chambre pénale'],
};

export function caseNumber(level: 'apex' | 'appeal' | 'trial', n: number, year: number): string {
  if (level === 'apex') return `Pourvoi n° ${year}-${n}`;
  if (level === 'appeal') return `Arrêt n° ${n}/${year}`;
  return `Jugement n° ${n}/${year}`;
}
