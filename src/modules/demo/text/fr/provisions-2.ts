/** Français : dispositions des autres lois (blanchiment, traite, cybercriminalité, extradition…). */
import type { Part2Kinds, ProvisionsOf } from '../types.js';

export const provisions2: ProvisionsOf<Part2Kinds> = {
  'aml-offence': {
    h: 'Infraction de blanchiment de capitaux',
    b: [
      'Le blanchiment de capitaux est puni d’un emprisonnement de {years} au plus et d’une amende pouvant atteindre le double de la valeur des biens blanchis.',
      ['Le blanchiment commis par l’auteur de l’infraction principale est punissable.', 'Une condamnation pour l’infraction principale n’est pas nécessaire pour condamner du chef de blanchiment.'],
      'La peine est portée au double lorsque l’infraction est commise de façon habituelle ou par un groupe criminel organisé.',
    ],
  },
  'aml-cdd': {
    h: 'Obligations de vigilance et de conservation des documents',
    b: [
      'Les banques, les autres institutions financières ainsi que les entreprises et professions non financières désignées identifient leurs clients et les bénéficiaires effectifs, vérifient leur identité au moyen de documents fiables et exercent une vigilance constante sur la relation d’affaires.',
      'Elles conservent les pièces relatives aux opérations et les données d’identification pendant au moins cinq ans après la fin de la relation d’affaires et les mettent à la disposition des autorités compétentes sur demande.',
      ['Des mesures de vigilance renforcées s’appliquent aux personnes politiquement exposées.', 'Les comptes anonymes et les comptes sous des noms fictifs sont interdits.'],
    ],
  },
  'aml-fiu': {
    h: 'Cellule de renseignement financier',
    b: [
      'La cellule de renseignement financier est le centre national chargé de recevoir et d’analyser les déclarations d’opérations suspectes et de communiquer le résultat de ses analyses aux autorités compétentes.',
      'Les entités assujetties déclarent sans délai à la cellule toute opération dont elles soupçonnent qu’elle porte sur le produit du crime ou sur le financement du terrorisme.',
      'La cellule peut échanger des informations avec les cellules de renseignement financier étrangères, spontanément ou sur demande.',
    ],
  },
  'aml-freeze': {
    h: 'Opposition à l’exécution des opérations et gel des avoirs',
    b: [
      'La cellule de renseignement financier peut faire opposition à l’exécution d’une opération suspecte pour une durée de {days} au plus et en informe sans délai le procureur de la République.',
      'Le procureur de la République peut demander à la juridiction le gel des fonds concernés, y compris à la demande d’une autorité étrangère.',
    ],
  },
  'aml-sharing': {
    h: 'Disposition et partage des avoirs confisqués',
    b: [
      'Les biens confisqués à la demande d’un État étranger peuvent être restitués à cet État afin qu’il puisse indemniser les victimes de l’infraction ou restituer ces biens à leurs propriétaires légitimes.',
      'Les biens confisqués peuvent également être partagés avec des États étrangers, systématiquement ou au cas par cas, conformément aux accords conclus à cet effet.',
    ],
  },
  'tip-definition': {
    h: 'Définitions',
    b: [
      'L’exploitation comprend, au minimum, l’exploitation de la prostitution d’autrui ou d’autres formes d’exploitation sexuelle, le travail ou les services forcés, l’esclavage ou les pratiques analogues à l’esclavage, la servitude et le prélèvement d’organes.',
      'Est un enfant toute personne âgée de moins de dix-huit ans.',
      'Le recrutement, le transport, le transfert, l’hébergement ou l’accueil d’un enfant aux fins d’exploitation constituent une traite des personnes même s’ils ne font appel à aucun des moyens de contrainte.',
    ],
  },
  'tip-offence': {
    h: 'Infraction de traite des personnes',
    b: [
      'La traite des personnes est punie d’un emprisonnement de {min} à {years}.',
      'La peine est aggravée lorsque la victime est un enfant, lorsque l’auteur est un agent public, lorsque l’infraction a été commise par un groupe criminel organisé ou lorsqu’elle a causé un dommage grave à la victime.',
      ['La tentative, la complicité et le fait d’organiser la commission de l’infraction ou de donner des instructions à d’autres personnes pour qu’elles la commettent sont punissables.', 'Le consentement d’une victime à l’exploitation envisagée est indifférent.'],
    ],
  },
  'tip-assistance': {
    h: 'Assistance et protection accordées aux victimes',
    b: [
      'Les victimes de la traite bénéficient d’un logement convenable, de conseils et d’informations dans une langue qu’elles comprennent, d’une assistance médicale, psychologique et matérielle, ainsi que de possibilités d’emploi, d’éducation et de formation.',
      'L’assistance est fournie que la victime coopère ou non avec les autorités et tient compte de l’âge, du sexe et des besoins particuliers des victimes, en particulier des enfants.',
      ['La vie privée et l’identité des victimes sont protégées.', 'Les victimes sont informées de la possibilité d’obtenir réparation.'],
    ],
  },
  'tip-residence': {
    h: 'Séjour des victimes',
    b: [
      'La victime étrangère de la traite bénéficie d’un délai de rétablissement et de réflexion d’au moins {days}, pendant lequel aucune mesure d’éloignement ne peut être exécutée.',
      'Un titre de séjour temporaire peut ensuite lui être délivré pour la durée de la procédure pénale ou pour des motifs humanitaires.',
    ],
  },
  'tip-repatriation': {
    h: 'Rapatriement des victimes',
    b: [
      'Le retour d’une victime dans l’État dont elle est ressortissante ou dans lequel elle a sa résidence permanente se fait en tenant dûment compte de sa sécurité et de l’état de toute procédure judiciaire, et de préférence de son plein gré.',
      'Les autorités compétentes coopèrent avec celles de l’État d’origine pour vérifier la nationalité de la victime et délivrer sans retard injustifié les documents de voyage nécessaires.',
    ],
  },
  'tip-prevention': {
    h: 'Prévention et échange d’informations',
    b: [
      'Le Gouvernement adopte des politiques, des programmes et des campagnes d’information visant à prévenir la traite des personnes et à protéger les victimes contre une nouvelle victimisation, en coopération avec les organisations non gouvernementales.',
      'Les services de détection et de répression et les services de l’immigration échangent des informations avec leurs homologues étrangers sur les documents de voyage, les itinéraires et les méthodes utilisés par les trafiquants.',
    ],
  },
  'cy-access': {
    h: 'Accès illégal à un système informatique',
    b: [
      'Quiconque accède intentionnellement et sans droit à tout ou partie d’un système informatique est puni d’un emprisonnement de {years} au plus.',
      ['La peine est aggravée lorsque l’infraction est commise en violation de mesures de sécurité dans l’intention d’obtenir des données informatiques.', 'La peine est aggravée lorsque le système concerné fait partie d’une infrastructure critique.'],
    ],
  },
  'cy-fraud': {
    h: 'Fraude informatique',
    b: [
      'Quiconque, dans une intention frauduleuse, cause un préjudice patrimonial à autrui par l’introduction, l’altération, l’effacement ou la suppression de données informatiques, ou par toute atteinte au fonctionnement d’un système informatique, en vue de se procurer un avantage économique, est puni d’un emprisonnement de {min} à {years}.',
    ],
  },
  'cy-preservation': {
    h: 'Conservation rapide de données informatiques stockées',
    b: [
      'Lorsqu’il y a des raisons de penser que des données informatiques stockées, y compris des données relatives au trafic, sont particulièrement susceptibles de perte ou de modification, le procureur de la République peut ordonner à toute personne qui les détient ou les contrôle d’en assurer la conservation rapide.',
      'La personne concernée préserve l’intégrité des données pendant une durée de {days} au plus, renouvelable, et garde le secret sur l’injonction.',
    ],
  },
  'cy-production': {
    h: 'Injonction de produire',
    b: [
      'Le procureur de la République peut ordonner à une personne présente sur le territoire national de communiquer les données informatiques spécifiées qu’elle détient ou contrôle, et à un fournisseur offrant ses services sur le territoire national de communiquer les données relatives aux abonnés concernant ces services.',
      'Les données relatives aux abonnés comprennent le type de service utilisé, l’identité, l’adresse postale et le numéro de téléphone de l’abonné, ainsi que les informations concernant la facturation et le paiement.',
    ],
  },
  'cy-search': {
    h: 'Perquisition et saisie de données informatiques stockées',
    b: [
      'Le juge d’instruction peut autoriser la perquisition d’un système informatique ou d’un support de stockage et la saisie ou la copie de données informatiques.',
      'Lorsque les données recherchées sont stockées dans un autre système situé sur le territoire national et légalement accessible à partir du système initial, la perquisition peut être étendue rapidement à cet autre système.',
    ],
  },
  'cy-traffic': {
    h: 'Collecte en temps réel des données relatives au trafic',
    b: [
      'Pour les besoins d’une enquête portant sur une infraction grave, le juge d’instruction peut ordonner à un fournisseur de services de collecter ou d’enregistrer en temps réel les données relatives au trafic associées à des communications spécifiées, pour une durée n’excédant pas {months}.',
      'Les données collectées sont détruites dès qu’elles ne sont plus nécessaires à la procédure.',
    ],
  },
  'cy-intl-preservation': {
    h: 'Conservation et divulgation de données à la demande d’un État étranger',
    b: [
      'À la demande d’un État étranger qui entend présenter une demande d’entraide, l’autorité compétente ordonne la conservation rapide de données stockées au moyen d’un système informatique situé sur le territoire national.',
      'Les données sont conservées pendant au moins soixante jours dans l’attente de la demande d’entraide. La double incrimination n’est pas exigée pour la conservation.',
      'Lorsqu’il apparaît qu’un fournisseur de services d’un autre État a participé à la transmission d’une communication, une quantité suffisante de données relatives au trafic est divulguée à l’État requérant pour identifier ce fournisseur et la voie de la communication.',
    ],
  },
  'cy-247': {
    h: 'Point de contact 24/7',
    b: [
      'L’unité de lutte contre la cybercriminalité de la police nationale est le point de contact joignable vingt-quatre heures sur vingt-quatre, sept jours sur sept, afin d’assurer une assistance immédiate dans les enquêtes concernant les infractions liées à des systèmes et données informatiques et dans le recueil des preuves sous forme électronique.',
      'Le point de contact fournit des conseils techniques, assure la conservation des données, contribue à localiser les suspects et communique avec ses homologues étrangers selon une procédure accélérée.',
    ],
  },
  'cy-emergency': {
    h: 'Divulgation de données en urgence',
    b: [
      'En cas de risque important et imminent pour la vie ou la sécurité d’une personne, un fournisseur de services peut divulguer, à la demande d’une autorité compétente nationale ou étrangère, les données relatives aux abonnés ou au trafic nécessaires pour écarter ce risque.',
      'La demande est confirmée par écrit dans les soixante-douze heures.',
    ],
  },
  'ex-offences': {
    h: 'Infractions donnant lieu à extradition',
    b: [
      'L’extradition peut être accordée pour les infractions punies, par la loi de l’État requérant et par celle de l’État requis, d’une peine privative de liberté d’un maximum d’au moins un an.',
      'Lorsque l’extradition est demandée aux fins d’exécution d’une peine, la partie de la peine restant à subir doit être d’au moins {months}.',
      'La double incrimination est réputée établie, que la législation des deux États classe ou non l’infraction dans la même catégorie ou la désigne ou non par la même terminologie.',
    ],
  },
  'ex-basis': {
    h: 'Fondement juridique de l’extradition',
    b: [
      'En l’absence de traité d’extradition avec l’État requérant, l’extradition peut être accordée sur le fondement de la Convention des Nations Unies contre la criminalité transnationale organisée, d’une autre convention multilatérale applicable à l’infraction ou de la réciprocité.',
      'Les infractions visées par une telle convention sont réputées incluses parmi les infractions donnant lieu à extradition dans tout traité d’extradition en vigueur.',
    ],
  },
  'ex-nationals': {
    h: 'Extradition des nationaux',
    b: [
      ['Les nationaux ne sont pas extradés.', 'Les nationaux ne peuvent être extradés qu’à la condition d’être renvoyés pour purger la peine éventuellement prononcée dans l’État requérant.'],
      'Lorsque l’extradition est refusée au motif de la nationalité, l’affaire est soumise sans retard excessif, à la demande de l’État requérant, aux autorités compétentes aux fins de poursuites, et l’État requérant est informé de l’issue de la procédure.',
    ],
  },
  'ex-refusal': {
    h: 'Motifs de refus de l’extradition',
    b: [
      'L’extradition est refusée lorsque l’infraction est une infraction politique, lorsqu’il existe des raisons sérieuses de croire que la demande a été présentée aux fins de poursuivre ou de punir la personne en raison de son sexe, de sa race, de sa religion, de sa nationalité, de son origine ethnique ou de ses opinions politiques, ou lorsque la personne serait exposée à la torture ou à des traitements cruels, inhumains ou dégradants.',
      'L’extradition ne peut être refusée au seul motif que l’infraction touche aussi à des questions fiscales.',
      ['Lorsque l’infraction est punie de la peine de mort dans l’État requérant, l’extradition n’est accordée que si cet État donne des assurances suffisantes que la peine capitale ne sera pas exécutée.', 'L’extradition est refusée lorsque la personne a été définitivement acquittée ou condamnée pour la même infraction.'],
    ],
  },
  'ex-provisional': {
    h: 'Arrestation provisoire',
    b: [
      'En cas d’urgence, l’État requérant peut demander l’arrestation provisoire de la personne réclamée, par la voie diplomatique ou par l’intermédiaire de l’Organisation internationale de police criminelle (INTERPOL), en attendant la présentation de la demande d’extradition.',
      'La personne est remise en liberté si la demande d’extradition et les pièces à l’appui n’ont pas été reçues dans un délai de {days} à compter de l’arrestation, sans préjudice d’une nouvelle arrestation après leur réception.',
    ],
  },
  'ex-simplified': {
    h: 'Extradition simplifiée',
    b: [
      'La personne réclamée peut consentir devant la juridiction à sa remise, après avoir été informée des conséquences de ce consentement.',
      'Lorsque la personne y consent, la remise est ordonnée sans procédure formelle d’extradition et a lieu dans un délai de {days}.',
    ],
  },
  'ex-speciality': {
    h: 'Règle de la spécialité',
    b: [
      'La personne extradée ne peut être poursuivie, condamnée ou détenue pour une infraction antérieure à la remise autre que celle ayant motivé l’extradition, sauf consentement de l’État requis ou si, ayant eu la possibilité de quitter l’État requérant, elle ne l’a pas quitté dans les quarante-cinq jours ou y est retournée.',
    ],
  },
  'ex-transfer-sentenced': {
    h: 'Transfèrement des personnes condamnées',
    b: [
      'Une personne condamnée à l’étranger peut être transférée pour purger sa peine sur le territoire national, et un étranger condamné par une juridiction nationale peut être transféré vers l’État dont il est ressortissant, avec le consentement de la personne condamnée et des deux États.',
      'Lorsque la peine est incompatible, par sa nature ou sa durée, avec le droit national, la juridiction l’adapte à la peine prévue pour une infraction de même nature, sans l’aggraver.',
    ],
  },
  'wp-programme': {
    h: 'Programme de protection des témoins',
    b: [
      'Un programme de protection des témoins assure une protection efficace contre des actes éventuels de représailles ou d’intimidation aux témoins qui déposent au sujet d’infractions commises par des groupes criminels organisés et, le cas échéant, à leurs parents et à d’autres personnes qui leur sont proches.',
      'La protection peut comprendre une protection physique, la réinstallation, le changement d’identité et des restrictions à la divulgation des informations concernant l’identité des personnes protégées et le lieu où elles se trouvent.',
    ],
  },
  'wp-relocation': {
    h: 'Accords internationaux de réinstallation',
    b: [
      'L’autorité chargée du programme peut conclure des accords ou arrangements avec d’autres États aux fins de la réinstallation des personnes protégées et admettre au programme des personnes réinstallées depuis l’étranger.',
      'Les informations relatives à l’identité des personnes réinstallées et au lieu où elles se trouvent ne sont échangées que par l’intermédiaire de points de contact désignés.',
    ],
  },
  'wp-testimony': {
    h: 'Déposition des témoins protégés',
    b: [
      'Les témoins protégés peuvent déposer par liaison vidéo ou par d’autres moyens de communication adéquats, depuis un lieu qui n’est pas divulgué.',
      'Lorsqu’un témoin protégé se trouve à l’étranger, sa déposition peut être recueillie par vidéoconférence conformément aux dispositions relatives à l’entraide judiciaire.',
    ],
  },
  'wp-cooperators': {
    h: 'Personnes qui coopèrent avec la justice',
    b: [
      'Une personne ayant participé à un groupe criminel organisé qui fournit des informations utiles aux fins d’enquête et de recherche de preuves peut bénéficier d’une réduction de peine ou, dans des cas exceptionnels, d’une immunité de poursuites.',
      'Ces personnes peuvent être admises au programme de protection des témoins dans les mêmes conditions que les témoins.',
    ],
  },
  'som-offence': {
    h: 'Trafic illicite de migrants',
    b: [
      'Quiconque, afin d’en tirer un avantage financier ou un autre avantage matériel, assure l’entrée illégale d’une personne sur le territoire national ou sur celui d’un autre État, ou permet à une personne de demeurer illégalement sur le territoire national, est puni d’un emprisonnement de {years} au plus.',
      'Le fait de fabriquer, de procurer, de fournir ou de posséder un document de voyage ou d’identité frauduleux à cette fin est puni des mêmes peines.',
    ],
  },
  'som-aggravation': {
    h: 'Circonstances aggravantes',
    b: [
      'La peine est un emprisonnement de {min} à {years} lorsque l’infraction met en danger la vie ou la sécurité des migrants ou les soumet à un traitement inhumain ou dégradant, y compris aux fins d’exploitation.',
      'La même peine s’applique lorsque les migrants comprennent des enfants non accompagnés ou lorsque l’infraction est commise par un groupe criminel organisé.',
    ],
  },
  'som-migrants': {
    h: 'Droits des migrants objet d’un trafic illicite',
    b: [
      'Les migrants ne deviennent pas passibles de poursuites pénales du fait qu’ils ont été l’objet d’un trafic illicite.',
      'Les autorités compétentes protègent les droits des migrants objet d’un trafic illicite, en particulier le droit à la vie et le droit de ne pas être soumis à la torture ou à d’autres peines ou traitements cruels, inhumains ou dégradants, et les informent sans délai de leur droit à l’assistance consulaire.',
    ],
  },
  'som-sea': {
    h: 'Trafic illicite de migrants par mer',
    b: [
      'Lorsqu’il existe des motifs raisonnables de soupçonner qu’un navire battant pavillon national se livre au trafic illicite de migrants par mer, les autorités compétentes peuvent demander l’assistance d’autres États.',
      'L’autorité compétente répond rapidement à la demande d’un autre État tendant à confirmer l’immatriculation d’un navire et à autoriser son arraisonnement et sa visite, en veillant à la sécurité et au traitement humain des personnes à bord.',
    ],
  },
  'fa-manufacturing': {
    h: 'Fabrication et trafic illicites d’armes à feu',
    b: [
      'Quiconque fabrique ou assemble des armes à feu, leurs pièces, éléments ou munitions sans licence, ou sans marquer les armes à feu au moment de leur fabrication, est puni d’un emprisonnement de {min} à {years}.',
      'Est puni des mêmes peines le fait d’importer, d’exporter, de vendre ou de transférer sans autorisation des armes à feu, leurs pièces, éléments et munitions, ou de falsifier ou d’effacer illicitement leurs marques.',
    ],
  },
  'fa-marking': {
    h: 'Marquage des armes à feu',
    b: [
      'Toute arme à feu fabriquée sur le territoire national ou importée porte une marque unique indiquant le nom du fabricant, le pays ou le lieu de fabrication et le numéro de série, afin que les autorités compétentes puissent en assurer le traçage.',
      'Les armes à feu transférées des stocks de l’État en vue d’une utilisation civile permanente reçoivent un marquage approprié.',
    ],
  },
  'fa-records': {
    h: 'Conservation des informations et traçage',
    b: [
      'L’autorité nationale chargée des armes à feu conserve, pendant au moins dix ans, les informations relatives aux marques des armes à feu et aux transactions internationales portant sur des armes à feu, leurs pièces, éléments et munitions.',
      'L’autorité répond dans un délai de {days} aux demandes d’assistance d’autres États pour le traçage d’armes à feu, et les informations échangées restent confidentielles.',
    ],
  },
  'fa-licensing': {
    h: 'Licences d’exportation, d’importation et de transit',
    b: [
      'L’exportation, l’importation et le transit d’armes à feu, de leurs pièces, éléments et munitions sont soumis à une licence délivrée par l’autorité compétente.',
      'Avant de délivrer une licence d’exportation, l’autorité vérifie que l’État importateur a délivré une licence d’importation et que les États de transit ne s’opposent pas au transit.',
    ],
  },
  'ac-foreign-bribery': {
    h: 'Corruption d’agents publics étrangers',
    b: [
      'Quiconque promet, offre ou accorde à un agent public étranger ou à un fonctionnaire d’une organisation internationale publique un avantage indu, afin qu’il accomplisse ou s’abstienne d’accomplir un acte dans l’exercice de ses fonctions en vue d’obtenir ou de conserver un marché, est puni d’un emprisonnement de {years} au plus.',
      'Les personnes morales sont responsables de cette infraction lorsqu’elle est commise à leur profit.',
    ],
  },
  'ac-illicit-enrichment': {
    h: 'Enrichissement illicite',
    b: [
      'L’agent public qui ne peut raisonnablement justifier une augmentation substantielle de son patrimoine par rapport à ses revenus légitimes est puni d’un emprisonnement de {years} au plus et de la confiscation des biens injustifiés.',
      'Les agents publics déclarent leur patrimoine et leurs intérêts lors de leur entrée en fonctions, lors de leur cessation de fonctions et périodiquement pendant leur mandat.',
    ],
  },
  'ac-asset-recovery': {
    h: 'Recouvrement d’avoirs par la coopération internationale',
    b: [
      'À la demande d’un autre État partie à la Convention des Nations Unies contre la corruption, la juridiction compétente peut donner effet à une décision de confiscation prononcée par un tribunal de cet État.',
      'La confiscation peut être ordonnée en l’absence de condamnation pénale lorsque l’auteur ne peut être poursuivi pour cause de décès, de fuite ou d’absence.',
      'La juridiction peut ordonner le gel ou la saisie de biens sur le fondement d’une décision de gel ou de saisie rendue dans l’État requérant.',
    ],
  },
  'ac-mla': {
    h: 'Entraide judiciaire en matière de corruption',
    b: [
      'L’entraide judiciaire la plus large possible est accordée lors des enquêtes, poursuites et procédures judiciaires concernant les infractions établies conformément à la Convention des Nations Unies contre la corruption.',
      'En l’absence de double incrimination, l’assistance n’impliquant pas de mesures coercitives est accordée, en particulier aux fins du recouvrement d’avoirs.',
    ],
  },
  'ac-whistleblowers': {
    h: 'Protection des personnes qui communiquent des informations',
    b: [
      'Toute personne qui signale aux autorités compétentes, de bonne foi et sur la base de soupçons raisonnables, des faits concernant des infractions de corruption est protégée contre tout traitement injustifié, y compris le licenciement et toute autre mesure de représailles.',
      'L’identité de l’auteur du signalement reste confidentielle, sauf s’il consent à sa divulgation.',
    ],
  },
  'dr-trafficking': {
    h: 'Trafic illicite de stupéfiants et de substances psychotropes',
    b: [
      'Quiconque, sans autorisation, cultive, produit, fabrique, offre en vente, vend, distribue, transporte, importe ou exporte un stupéfiant ou une substance psychotrope est puni d’un emprisonnement de {min} à {years}.',
      'La fabrication, le transport ou la distribution d’équipements, de matériels ou de précurseurs, en sachant qu’ils doivent être utilisés à ces fins, sont punis des mêmes peines.',
    ],
  },
  'dr-controlled-delivery': {
    h: 'Livraisons surveillées',
    b: [
      'Avec l’autorisation du procureur de la République, des expéditions de stupéfiants ou de substances psychotropes peuvent sortir du territoire national, le traverser ou y entrer sous le contrôle des autorités compétentes, afin d’identifier les personnes impliquées dans l’infraction.',
      'Les livraisons surveillées impliquant d’autres États sont réalisées conformément aux accords ou arrangements conclus avec ces États.',
    ],
  },
  'te-offence': {
    h: 'Actes de terrorisme',
    b: [
      'Quiconque commet une infraction grave contre les personnes ou les biens dans le but d’intimider gravement une population ou de contraindre un gouvernement ou une organisation internationale à accomplir ou à s’abstenir d’accomplir un acte quelconque est puni d’un emprisonnement de {min} à {years}.',
      'Les infractions prévues par la présente loi ne sont pas considérées comme des infractions politiques aux fins de l’extradition ou de l’entraide judiciaire.',
    ],
  },
  'te-financing': {
    h: 'Financement du terrorisme',
    b: [
      'Quiconque, par quelque moyen que ce soit, fournit ou réunit des fonds dans l’intention de les voir utilisés, ou en sachant qu’ils seront utilisés, pour commettre un acte de terrorisme ou par une organisation terroriste est puni d’un emprisonnement de {years} au plus.',
      'Les fonds sont gelés sans délai dès la désignation de la personne ou de l’entité concernée et peuvent être confisqués.',
    ],
  },
  'wl-trafficking': {
    h: 'Trafic d’espèces protégées de faune et de flore sauvages',
    b: [
      'Quiconque prélève, détient, transporte, vend, importe ou exporte sans permis des spécimens d’espèces protégées de faune et de flore sauvages, ou leurs parties et produits, est puni d’un emprisonnement de {years} au plus et de la confiscation des spécimens.',
      'La peine est portée au double lorsque l’infraction est commise par un groupe criminel organisé ou concerne une espèce menacée d’extinction.',
    ],
  },
  'wl-fisheries': {
    h: 'Pêche illicite et infractions connexes',
    b: [
      'La pêche sans licence, dans une zone fermée ou au moyen d’engins interdits, ainsi que le transbordement ou le débarquement de poissons capturés illégalement, sont punis d’une amende et de la confiscation des captures, des engins et du navire.',
      'Les autorités compétentes échangent des informations avec les États du pavillon, les États côtiers et les États du port au sujet des navires soupçonnés de pêche illicite et d’infractions connexes telles que la fraude documentaire et le travail forcé à bord.',
    ],
  },
  'cu-trafficking': {
    h: 'Trafic de biens culturels',
    b: [
      'Quiconque exporte, importe, vend ou acquiert un bien culturel meuble en sachant qu’il a été volé, issu de fouilles illicites ou illicitement exporté est puni d’un emprisonnement de {years} au plus.',
      'Les marchands de biens culturels tiennent un registre indiquant l’origine de chaque objet et l’identité du fournisseur.',
    ],
  },
  'cu-return': {
    h: 'Restitution des biens culturels',
    b: [
      'Les biens culturels illicitement exportés d’un autre État et trouvés sur le territoire national sont saisis et restitués à cet État à sa demande, conformément aux accords internationaux en vigueur.',
      'Les autorités compétentes échangent des informations sur les biens culturels volés avec les autorités étrangères et avec l’Organisation internationale de police criminelle (INTERPOL).',
    ],
  },
  'md-falsified': {
    h: 'Produits médicaux falsifiés',
    b: [
      'Quiconque fabrique, fournit, offre, importe ou exporte un produit médical présentant de manière délibérée et frauduleuse une fausse identité, une fausse composition ou une fausse source est puni d’un emprisonnement de {min} à {years}.',
      'La peine est aggravée lorsque le produit a causé la mort ou un dommage grave à la santé, ou lorsqu’il a été proposé à la vente sur Internet.',
    ],
  },
  'md-counterfeit': {
    h: 'Marchandises contrefaisantes',
    b: [
      'La fabrication, l’importation, le stockage et la vente de marchandises revêtues sans autorisation d’une marque identique à une marque enregistrée ou qui ne peut en être distinguée sont punis d’un emprisonnement de {years} au plus.',
      'Les autorités douanières peuvent suspendre la mainlevée des marchandises soupçonnées d’être contrefaisantes et les détruire après une décision définitive.',
    ],
  },
};
