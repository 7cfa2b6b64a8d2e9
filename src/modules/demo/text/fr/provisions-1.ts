/** Français : dispositions des codes pénaux, des codes de procédure pénale et des lois sur l’entraide judiciaire. */
import type { Part1Kinds, ProvisionsOf } from '../types.js';

export const provisions1: ProvisionsOf<Part1Kinds> = {
  'cc-ocg': {
    h: 'Participation à un groupe criminel organisé',
    b: [
      'Quiconque, en connaissance du but et de l’activité criminelle générale d’un groupe criminel organisé, prend une part active à ses activités criminelles est puni d’un emprisonnement de {min} à {years}.',
      ['Est puni des mêmes peines quiconque organise, dirige, facilite, encourage ou favorise au moyen d’une aide ou de conseils la commission d’une infraction grave impliquant un groupe criminel organisé.', 'La peine est aggravée d’un tiers lorsque l’auteur dirige le groupe ou lorsque le groupe recourt à la violence ou à la corruption.'],
      'Un groupe criminel organisé est un groupe structuré de trois personnes ou plus, existant depuis un certain temps et agissant de concert dans le but de commettre des infractions graves pour en tirer un avantage financier ou un autre avantage matériel.',
    ],
  },
  'cc-laundering': {
    h: 'Blanchiment du produit du crime',
    b: [
      'Quiconque convertit ou transfère des biens dont il sait qu’ils sont le produit du crime, dans le but de dissimuler ou de déguiser leur origine illicite, est puni d’un emprisonnement de {years} au plus.',
      'Est puni des mêmes peines le fait de dissimuler la nature véritable, l’origine, l’emplacement ou la propriété de ces biens, ou de les acquérir, de les détenir ou de les utiliser en connaissance de leur origine.',
      ['Les infractions commises à l’étranger constituent des infractions principales lorsque les faits sont également punissables dans l’État où ils ont été commis.', 'La connaissance, l’intention ou la motivation peuvent être déduites de circonstances factuelles objectives.'],
    ],
  },
  'cc-bribery': {
    h: 'Corruption d’agents publics',
    b: [
      'Est puni d’un emprisonnement de {min} à {years} l’agent public qui sollicite ou accepte un avantage indu, pour lui-même ou pour autrui, afin d’accomplir ou de s’abstenir d’accomplir un acte dans l’exercice de ses fonctions.',
      'Est puni des mêmes peines quiconque promet, offre ou accorde un tel avantage à un agent public.',
      ['La juridiction ordonne en outre la confiscation de l’avantage ou de biens d’une valeur équivalente.', 'Est exempté de peine celui qui dénonce l’infraction aux autorités avant qu’elle soit découverte.'],
    ],
  },
  'cc-obstruction': {
    h: 'Entrave au bon fonctionnement de la justice',
    b: [
      'Quiconque recourt à la force physique, à des menaces ou à l’intimidation, ou promet, offre ou accorde un avantage indu, pour obtenir un faux témoignage ou empêcher un témoignage ou la présentation d’éléments de preuve, est puni d’un emprisonnement de {years} au plus.',
      'Est puni des mêmes peines quiconque recourt à la force, à des menaces ou à l’intimidation pour entraver l’exercice des fonctions d’un juge, d’un procureur ou d’un agent des services de détection et de répression.',
    ],
  },
  'cc-legal-persons': {
    h: 'Responsabilité des personnes morales',
    b: [
      'Les personnes morales sont pénalement responsables des infractions commises pour leur compte et à leur profit par leurs organes ou représentants, ou rendues possibles par un défaut de surveillance.',
      'La responsabilité des personnes morales n’exclut pas celle des personnes physiques auteurs des mêmes faits.',
      ['La personne morale peut être condamnée à une amende, à la confiscation, à l’exclusion des marchés publics ou à la dissolution.', 'Les sanctions applicables aux personnes morales sont efficaces, proportionnées et dissuasives.'],
    ],
  },
  'cc-tip': {
    h: 'Traite des personnes',
    b: [
      'Quiconque recrute, transporte, transfère, héberge ou accueille une personne par la menace, la force, la contrainte, l’enlèvement, la fraude, la tromperie, l’abus d’autorité ou d’une situation de vulnérabilité, aux fins d’exploitation, est puni d’un emprisonnement de {min} à {years}.',
      'Lorsque la victime est un enfant, l’infraction est constituée même si aucun de ces moyens n’a été employé.',
      ['Le consentement de la victime à l’exploitation envisagée est indifférent.', 'La peine est aggravée lorsque l’infraction a mis en danger la vie de la victime ou a été commise par un groupe criminel organisé.'],
    ],
  },
  'cc-som': {
    h: 'Trafic illicite de migrants',
    b: [
      'Quiconque, afin d’en tirer un avantage financier ou un autre avantage matériel, assure l’entrée illégale d’une personne dans un État dont elle n’est ni ressortissante ni résidente permanente est puni d’un emprisonnement de {years} au plus.',
      'La peine est aggravée lorsque l’infraction met en danger la vie ou la sécurité des migrants ou les soumet à un traitement inhumain ou dégradant.',
    ],
  },
  'cc-drugs': {
    h: 'Trafic illicite de stupéfiants',
    b: [
      'Quiconque, sans autorisation, produit, offre, vend, distribue, transporte, importe ou exporte des stupéfiants ou des substances psychotropes est puni d’un emprisonnement de {min} à {years}.',
      ['La peine est aggravée lorsque l’infraction est commise par un groupe criminel organisé ou implique l’utilisation d’enfants.', 'La détention de ces substances en quantité révélant qu’elles sont destinées au trafic est punie comme le trafic.'],
    ],
  },
  'cc-jurisdiction': {
    h: 'Compétence',
    b: [
      'La loi pénale s’applique aux infractions commises sur le territoire national, à bord d’un navire battant pavillon national ou à bord d’un aéronef immatriculé conformément au droit national.',
      'Elle s’applique également aux infractions commises à l’étranger par un ressortissant ou contre un ressortissant, ainsi qu’aux infractions commises à l’étranger lorsque l’auteur présumé se trouve sur le territoire national et n’est pas extradé au motif de sa nationalité.',
    ],
  },
  'cc-confiscation': {
    h: 'Confiscation des produits et instruments du crime',
    b: [
      'En cas de condamnation, la juridiction ordonne la confiscation du produit du crime ou de biens d’une valeur correspondante, ainsi que des instruments utilisés ou destinés à être utilisés pour commettre l’infraction.',
      'Lorsque le produit du crime a été transformé en d’autres biens ou mêlé à des biens acquis légitimement, ces biens peuvent être confisqués à concurrence de la valeur estimée du produit.',
      ['Les revenus et autres avantages tirés du produit du crime peuvent être confisqués de la même manière.', 'Les droits des tiers de bonne foi sont préservés.'],
    ],
  },
  'cc-limitation': {
    h: 'Prescription',
    b: [
      'L’action publique relative à une infraction grave se prescrit par {years} à compter du jour où l’infraction a été commise.',
      'La prescription est suspendue tant que l’auteur présumé se soustrait à la justice, notamment lorsqu’il se trouve à l’étranger et ne peut être extradé.',
      'Tout acte d’enquête ou de poursuite, y compris une demande d’entraide judiciaire ou d’extradition, interrompt la prescription.',
    ],
  },
  'cc-piracy': {
    h: 'Piraterie',
    b: [
      'Quiconque commet, à des fins privées, un acte illicite de violence, de détention ou de déprédation contre un navire en haute mer, ou contre des personnes ou des biens à son bord, est puni d’un emprisonnement de {min} à {years}.',
      'Les juridictions nationales sont compétentes pour connaître de ces actes, où qu’ils aient été commis, lorsque le suspect se trouve sur le territoire national.',
    ],
  },
  'cp-sit': {
    h: 'Techniques d’enquête spéciales',
    b: [
      'Lorsque les nécessités de l’enquête portant sur une infraction grave commise par un groupe criminel organisé l’exigent, le procureur de la République peut autoriser des livraisons surveillées, des opérations d’infiltration et une surveillance électronique pour une durée n’excédant pas {months}, renouvelable une fois.',
      ['Les livraisons surveillées peuvent être réalisées en accord avec les autorités compétentes d’autres États, en vertu d’accords internationaux ou d’arrangements conclus au cas par cas.', 'Les preuves obtenues par ces techniques sont recevables en justice à condition que l’autorisation et son exécution aient été consignées.'],
      'L’autorisation est écrite, motivée et soumise au contrôle d’un juge.',
    ],
  },
  'cp-interception': {
    h: 'Interception des communications',
    b: [
      'Sur réquisitions motivées du procureur de la République, le juge d’instruction peut ordonner l’interception et l’enregistrement des télécommunications et des données relatives au contenu transmises au moyen d’un système informatique, lorsque l’enquête porte sur une infraction punie d’un emprisonnement d’au moins {min}.',
      'La décision précise les communications visées et est prise pour une durée n’excédant pas {months}. Elle peut être renouvelée dans les mêmes conditions.',
      ['Les enregistrements sans utilité pour l’enquête sont détruits.', 'Les communications entre le suspect et son avocat ne peuvent être transcrites.'],
    ],
  },
  'cp-witness': {
    h: 'Protection des témoins au cours de la procédure',
    b: [
      'Lorsqu’il existe un risque grave pour la vie ou la sécurité d’un témoin, d’un expert ou d’une victime, ou de leurs proches, la juridiction peut autoriser le témoignage sans divulgation de l’identité ni du lieu où se trouve la personne.',
      'Le témoignage peut être recueilli par liaison vidéo ou par tout autre moyen approprié, la voix et l’image du témoin pouvant être modifiées.',
      ['Aucune condamnation ne peut être prononcée sur le seul fondement, ou de manière déterminante, d’un témoignage anonyme.', 'La défense dispose d’une possibilité adéquate d’interroger le témoin protégé.'],
    ],
  },
  'cp-video': {
    h: 'Audition par vidéoconférence',
    b: [
      'Lorsqu’un témoin ou un expert se trouve à l’étranger et qu’il n’est pas possible ou souhaitable qu’il comparaisse en personne, son audition peut avoir lieu par vidéoconférence, à la demande d’une autorité judiciaire étrangère ou à la demande d’une autorité judiciaire nationale adressée à un État étranger.',
      'L’audition est conduite par l’autorité judiciaire de l’État requérant, en présence d’une autorité judiciaire de l’État requis.',
      ['La personne entendue peut être assistée d’un interprète et d’un avocat.', 'Le faux témoignage commis lors d’une telle audition est puni comme s’il avait été commis devant une juridiction nationale.'],
    ],
  },
  'cp-freezing': {
    h: 'Saisie et gel des avoirs',
    b: [
      'Au cours de l’information, le juge d’instruction peut ordonner le gel ou la saisie de tout bien susceptible de confiscation.',
      'Une telle mesure peut également être ordonnée à la demande d’une autorité étrangère lorsque le bien se trouve sur le territoire national.',
      ['Le propriétaire et tout tiers revendiquant un droit sur le bien peuvent contester la décision dans un délai de {days} à compter de sa notification.', 'La mesure devient caduque si aucune décision de confiscation n’est intervenue dans un délai de {months}, sauf prorogation par la juridiction.'],
    ],
  },
  'cp-search': {
    h: 'Perquisitions et saisies',
    b: [
      'Les perquisitions dans les locaux et les véhicules sont effectuées par la police judiciaire sur mandat d’un juge, en présence de l’occupant ou de deux témoins.',
      'Les objets et documents susceptibles de servir à la manifestation de la vérité sont saisis, inventoriés et placés sous scellés. L’examen des lieux et des objets peut être confié à des experts.',
      ['L’occupant reçoit une copie du procès-verbal de perquisition.', 'Les perquisitions de nuit ne sont autorisées que pour les infractions graves commises par des groupes criminels organisés.'],
    ],
  },
  'cp-victims': {
    h: 'Droits des victimes',
    b: [
      'Les victimes sont informées de leurs droits, du déroulement de la procédure et de la libération de l’auteur de l’infraction.',
      'Elles peuvent se constituer partie civile et demander réparation, et leurs avis et préoccupations sont présentés et pris en compte aux stades appropriés de la procédure.',
      ['Les victimes ont droit à l’aide juridictionnelle et à l’assistance d’un interprète.', 'La juridiction peut entendre une victime hors la présence de l’accusé lorsque sa protection l’exige.'],
    ],
  },
  'cp-jit': {
    h: 'Équipes communes d’enquête',
    b: [
      'Le procureur de la République peut convenir avec les autorités compétentes d’un ou de plusieurs autres États de créer une équipe commune d’enquête, pour un objectif déterminé et une durée limitée.',
      'Les membres de l’équipe venant d’autres États peuvent assister aux actes d’enquête accomplis sur le territoire national.',
      ['Les informations obtenues régulièrement par l’équipe peuvent être utilisées aux fins pour lesquelles l’équipe a été créée.', 'L’accord portant création de l’équipe en fixe la composition, la durée, la direction et la répartition des frais.'],
    ],
  },
  'cp-transfer-proceedings': {
    h: 'Transfert des procédures pénales',
    b: [
      'Lorsque cela est dans l’intérêt d’une bonne administration de la justice, notamment lorsque plusieurs juridictions sont concernées, le procureur de la République peut demander à un État étranger d’engager les poursuites à sa place.',
      'Les poursuites peuvent de même être reprises à la demande d’un État étranger lorsque le suspect est un ressortissant ou réside habituellement sur le territoire national.',
      ['Les preuves recueillies dans l’État requérant ont la même valeur que si elles avaient été recueillies par les autorités nationales.', 'Dès la reprise des poursuites, l’action publique est suspendue dans l’État requérant.'],
    ],
  },
  'mla-scope': {
    h: 'Champ d’application de l’entraide judiciaire',
    b: [
      'Les autorités compétentes accordent l’entraide judiciaire la plus large possible lors des enquêtes, poursuites et procédures judiciaires concernant des infractions pénales, y compris celles dont une personne morale peut être tenue responsable.',
      'L’entraide peut être demandée aux fins de recueillir des témoignages ou des dépositions, de signifier des actes judiciaires, d’effectuer des perquisitions, des saisies et des gels, d’examiner des objets et des lieux, de fournir des informations, des pièces à conviction, des estimations d’experts et des documents, d’identifier ou de localiser les produits du crime, de faciliter la comparution volontaire de personnes et d’accorder toute autre assistance compatible avec le droit national.',
    ],
  },
  'mla-central-authority': {
    h: 'Autorité centrale',
    b: [
      '{Authority} est l’autorité centrale qui a la responsabilité et le pouvoir de recevoir les demandes d’entraide judiciaire et soit de les exécuter, soit de les transmettre aux autorités compétentes pour exécution.',
      'L’autorité centrale veille à l’exécution ou à la transmission rapide et en bonne et due forme des demandes et peut communiquer directement avec les autorités centrales des autres États.',
      ['En cas d’urgence, les demandes peuvent être transmises par l’intermédiaire de l’Organisation internationale de police criminelle (INTERPOL).', 'L’autorité centrale tient un registre des demandes reçues et envoyées et des suites qui leur ont été données.'],
    ],
  },
  'mla-convention-basis': {
    h: 'Fondement juridique de l’entraide',
    b: [
      'L’entraide judiciaire peut être accordée sur le fondement d’un traité, de la Convention des Nations Unies contre la criminalité transnationale organisée ou d’une autre convention multilatérale à laquelle l’État est partie ou, en l’absence de traité, sur la base de la réciprocité.',
      'Lorsqu’aucun traité n’est en vigueur avec l’État requérant, les paragraphes 9 à 29 de l’article 18 de cette Convention s’appliquent aux demandes présentées en vertu de celle-ci.',
    ],
  },
  'mla-request-content': {
    h: 'Contenu des demandes',
    b: [
      'La demande indique l’autorité dont elle émane, l’objet et la nature de l’enquête, des poursuites ou de la procédure et l’autorité qui en est chargée, un résumé des faits pertinents, sauf pour les demandes de signification d’actes judiciaires, l’assistance requise et toute procédure particulière à suivre, si possible l’identité, l’adresse et la nationalité de toute personne visée, ainsi que le but de la demande.',
      'L’autorité centrale peut demander un complément d’information lorsque celui-ci est nécessaire à l’exécution de la demande.',
    ],
  },
  'mla-language': {
    h: 'Langue et forme des demandes',
    b: [
      'Les demandes sont adressées par écrit ou par tout moyen pouvant produire un document écrit, dans la langue officielle ou dans une autre langue acceptable pour l’autorité centrale, dans des conditions permettant d’en établir l’authenticité.',
      'En cas d’urgence, les demandes peuvent être faites oralement, à condition d’être confirmées par écrit dans un délai de {days}.',
    ],
  },
  'mla-refusal': {
    h: 'Motifs de refus',
    b: [
      'L’entraide peut être refusée si la demande n’est pas conforme à la loi, si son exécution est susceptible de porter atteinte à la souveraineté, à la sécurité, à l’ordre public ou à d’autres intérêts essentiels de l’État, ou si la mesure demandée serait interdite pour une infraction analogue en droit national.',
      'L’entraide est refusée s’il existe des raisons sérieuses de croire que la demande a été présentée aux fins de poursuivre ou de punir une personne en raison de son sexe, de sa race, de sa religion, de sa nationalité, de son origine ethnique ou de ses opinions politiques.',
      ['L’entraide ne peut être refusée au motif du secret bancaire ni au seul motif que l’infraction touche aussi à des questions fiscales.', 'Lorsque la demande n’implique pas de mesure coercitive, l’entraide peut être accordée en l’absence de double incrimination.'],
      'Tout refus est motivé.',
    ],
  },
  'mla-confidentiality': {
    h: 'Confidentialité et limitation de l’usage',
    b: [
      'À la demande de l’État requérant, l’autorité centrale garde le secret sur la demande et sa teneur, sauf dans la mesure nécessaire pour l’exécuter. Si cela n’est pas possible, l’État requérant en est informé sans délai.',
      'Les informations ou éléments de preuve fournis par un État étranger ne sont pas utilisés pour des procédures autres que celles visées dans sa demande sans son consentement préalable, sauf s’ils sont à la décharge d’une personne accusée.',
    ],
  },
  'mla-evidence': {
    h: 'Recueil de preuves et signification d’actes',
    b: [
      'Les demandes d’audition de témoins, d’experts ou de suspects, ou de signification d’actes judiciaires, sont exécutées conformément au droit national et, dans la mesure où cela n’est pas contraire à celui-ci, conformément aux procédures spécifiées dans la demande.',
      'Les représentants de l’autorité requérante peuvent, avec l’accord du juge compétent, assister à l’exécution de la demande et poser des questions par l’intermédiaire du juge.',
      ['La preuve de la signification est un récépissé daté et signé par le destinataire ou une déclaration de l’autorité qui a procédé à la signification.', 'Les déclarations sont consignées par écrit et signées par la personne entendue, par le juge et, le cas échéant, par l’interprète.'],
    ],
  },
  'mla-records': {
    h: 'Documents, informations et expertises',
    b: [
      'Sur demande, les autorités compétentes fournissent les originaux ou des copies certifiées conformes de documents et dossiers pertinents, y compris des documents administratifs, bancaires, financiers ou commerciaux et des documents de société, ainsi que des informations, des pièces à conviction et des estimations d’experts.',
      'Les établissements financiers se conforment dans un délai de {days} à une injonction de produire des documents délivrée pour l’exécution d’une demande, et le secret bancaire ne peut leur être opposé.',
    ],
  },
  'mla-transfer-detained': {
    h: 'Transfèrement de personnes détenues aux fins de témoignage',
    b: [
      'Une personne détenue ou purgeant une peine sur le territoire national dont la présence est requise dans un autre État à des fins d’identification, de témoignage ou d’assistance peut être transférée si elle y consent librement et en toute connaissance de cause et si les autorités compétentes des deux États en conviennent.',
      'L’État vers lequel la personne est transférée la maintient en détention et la remet dès que la preuve a été administrée. La période de détention accomplie à l’étranger est imputée sur la peine en cours d’exécution.',
    ],
  },
  'mla-spontaneous': {
    h: 'Transmission spontanée d’informations',
    b: [
      'Sans demande préalable, les autorités compétentes peuvent communiquer des informations concernant des affaires pénales à une autorité compétente d’un autre État si elles pensent que ces informations pourraient aider celle-ci dans ses enquêtes et poursuites pénales ou donner lieu à une demande d’entraide.',
      'Il peut être demandé à l’autorité destinataire de garder ces informations confidentielles ou de respecter des restrictions quant à leur utilisation.',
    ],
  },
  'mla-urgent': {
    h: 'Demandes urgentes et suivi de l’exécution',
    b: [
      'Les demandes concernant des personnes détenues, la conservation de preuves ou le gel d’avoirs susceptibles de disparaître sont exécutées en priorité.',
      'L’autorité centrale répond aux demandes raisonnables de l’État requérant concernant l’état d’avancement du traitement de sa demande.',
      'Avant de différer l’exécution d’une demande au motif qu’elle entraverait une enquête en cours, l’autorité centrale consulte l’État requérant pour déterminer si l’entraide peut être accordée sous certaines conditions.',
    ],
  },
};
