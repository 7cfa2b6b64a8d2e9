/** Español: disposiciones de las demás leyes (blanqueo, trata, delitos informáticos, extradición…). */
import type { Part2Kinds, ProvisionsOf } from '../types.js';

export const provisions2: ProvisionsOf<Part2Kinds> = {
  'aml-offence': {
    h: 'Delito de blanqueo de dinero',
    b: [
      'El blanqueo de dinero será sancionado con pena de prisión de hasta {years} y multa de hasta el doble del valor de los bienes blanqueados.',
      ['Será punible el blanqueo cometido por el autor del delito determinante.', 'No será necesaria una condena por el delito determinante para condenar por blanqueo de dinero.'],
      'La pena se duplicará cuando el delito se cometa de forma habitual o por un grupo delictivo organizado.',
    ],
  },
  'aml-cdd': {
    h: 'Debida diligencia respecto del cliente y conservación de registros',
    b: [
      'Los bancos, las demás instituciones financieras y las actividades y profesiones no financieras designadas identificarán a sus clientes y a los beneficiarios finales, verificarán su identidad con documentos fiables y vigilarán la relación comercial.',
      'Conservarán los registros de las operaciones y los datos de identificación durante al menos cinco años después de terminada la relación comercial y los pondrán a disposición de las autoridades competentes cuando estas lo soliciten.',
      ['Se aplicará una diligencia reforzada a las personas expuestas políticamente.', 'Quedan prohibidas las cuentas anónimas y las cuentas a nombre de titulares ficticios.'],
    ],
  },
  'aml-fiu': {
    h: 'Unidad de inteligencia financiera',
    b: [
      'La unidad de inteligencia financiera es el centro nacional encargado de recibir y analizar los reportes de operaciones sospechosas y de comunicar los resultados de ese análisis a las autoridades competentes.',
      'Los sujetos obligados comunicarán sin demora a la unidad toda operación que sospechen que guarda relación con el producto del delito o con la financiación del terrorismo.',
      'La unidad podrá intercambiar información con las unidades de inteligencia financiera extranjeras, de forma espontánea o previa solicitud.',
    ],
  },
  'aml-freeze': {
    h: 'Suspensión de operaciones y embargo preventivo de activos',
    b: [
      'La unidad de inteligencia financiera podrá suspender una operación sospechosa por un plazo de hasta {days} e informará sin demora al fiscal.',
      'El fiscal podrá solicitar al tribunal el embargo preventivo de los fondos afectados, incluso a solicitud de una autoridad extranjera.',
    ],
  },
  'aml-sharing': {
    h: 'Disposición y reparto de los bienes decomisados',
    b: [
      'Los bienes decomisados a solicitud de un Estado extranjero podrán devolverse a dicho Estado a fin de que pueda indemnizar a las víctimas del delito o devolver los bienes a sus propietarios legítimos.',
      'Los bienes decomisados también podrán repartirse con Estados extranjeros, de manera regular o caso por caso, de conformidad con los acuerdos celebrados a tal efecto.',
    ],
  },
  'tip-definition': {
    h: 'Definiciones',
    b: [
      'La explotación incluirá, como mínimo, la explotación de la prostitución ajena u otras formas de explotación sexual, los trabajos o servicios forzados, la esclavitud o las prácticas análogas a la esclavitud, la servidumbre y la extracción de órganos.',
      'Por niño se entenderá toda persona menor de dieciocho años.',
      'La captación, el transporte, el traslado, la acogida o la recepción de un niño con fines de explotación se considerará trata de personas aunque no se recurra a ninguno de los medios de coacción.',
    ],
  },
  'tip-offence': {
    h: 'Delito de trata de personas',
    b: [
      'La trata de personas será sancionada con pena de prisión de {min} a {years}.',
      'La pena se agravará cuando la víctima sea un niño, cuando el autor sea un funcionario público, cuando el delito haya sido cometido por un grupo delictivo organizado o cuando haya causado un daño grave a la víctima.',
      ['Serán punibles la tentativa, la participación como cómplice y la organización o dirección de otras personas para la comisión del delito.', 'El consentimiento de la víctima a la explotación prevista no se tendrá en cuenta.'],
    ],
  },
  'tip-assistance': {
    h: 'Asistencia y protección a las víctimas',
    b: [
      'Las víctimas de la trata recibirán alojamiento adecuado, asesoramiento e información en un idioma que comprendan, asistencia médica, psicológica y material, así como oportunidades de empleo, educación y capacitación.',
      'La asistencia se prestará con independencia de que la víctima coopere o no con las autoridades y tendrá en cuenta la edad, el sexo y las necesidades especiales de las víctimas, en particular de los niños.',
      ['Se protegerán la privacidad y la identidad de las víctimas.', 'Se informará a las víctimas de la posibilidad de obtener una indemnización.'],
    ],
  },
  'tip-residence': {
    h: 'Permanencia de las víctimas',
    b: [
      'La víctima extranjera de la trata gozará de un período de recuperación y reflexión de al menos {days}, durante el cual no podrá ejecutarse ninguna orden de expulsión.',
      'Posteriormente podrá concedérsele un permiso de residencia temporal durante el proceso penal o por razones humanitarias.',
    ],
  },
  'tip-repatriation': {
    h: 'Repatriación de las víctimas',
    b: [
      'La repatriación de la víctima al Estado del que sea nacional o en el que tenga residencia permanente se realizará teniendo debidamente en cuenta su seguridad y el estado de cualquier procedimiento legal, y preferentemente de forma voluntaria.',
      'Las autoridades competentes cooperarán con las del Estado de origen para verificar la nacionalidad de la víctima y expedir sin demora injustificada los documentos de viaje necesarios.',
    ],
  },
  'tip-prevention': {
    h: 'Prevención e intercambio de información',
    b: [
      'El Gobierno adoptará políticas, programas y campañas de información para prevenir la trata de personas y proteger a las víctimas de un nuevo riesgo de victimización, en cooperación con organizaciones no gubernamentales.',
      'Las autoridades encargadas de hacer cumplir la ley y de migración intercambiarán información con sus homólogas extranjeras sobre los documentos de viaje, las rutas y los métodos utilizados por los tratantes.',
    ],
  },
  'cy-access': {
    h: 'Acceso ilícito a un sistema informático',
    b: [
      'Quien acceda deliberada e ilegítimamente a todo o parte de un sistema informático será sancionado con pena de prisión de hasta {years}.',
      ['La pena se agravará cuando el delito se cometa infringiendo medidas de seguridad con la intención de obtener datos informáticos.', 'La pena se agravará cuando el sistema afectado forme parte de una infraestructura crítica.'],
    ],
  },
  'cy-fraud': {
    h: 'Fraude informático',
    b: [
      'Quien, con ánimo fraudulento, cause un perjuicio patrimonial a otra persona mediante la introducción, alteración, borrado o supresión de datos informáticos, o mediante cualquier interferencia en el funcionamiento de un sistema informático, con el fin de obtener un beneficio económico, será sancionado con pena de prisión de {min} a {years}.',
    ],
  },
  'cy-preservation': {
    h: 'Conservación rápida de datos informáticos almacenados',
    b: [
      'Cuando existan motivos para creer que determinados datos informáticos almacenados, incluidos los datos relativos al tráfico, son particularmente susceptibles de pérdida o modificación, el fiscal podrá ordenar a quien los posea o controle que los conserve de forma rápida.',
      'La persona requerida preservará la integridad de los datos durante un plazo de hasta {days}, prorrogable, y mantendrá en secreto la orden.',
    ],
  },
  'cy-production': {
    h: 'Orden de presentación',
    b: [
      'El fiscal podrá ordenar a una persona que se encuentre en el territorio nacional que presente los datos informáticos especificados que obren en su poder o bajo su control, y a un proveedor que preste servicios en el territorio nacional que presente los datos relativos a los abonados en relación con dichos servicios.',
      'Los datos relativos a los abonados comprenden el tipo de servicio utilizado, la identidad, la dirección postal y el número de teléfono del abonado, así como los datos relativos a la facturación y el pago.',
    ],
  },
  'cy-search': {
    h: 'Registro y confiscación de datos informáticos almacenados',
    b: [
      'El juez podrá autorizar el registro de un sistema informático o de un dispositivo de almacenamiento y la confiscación o copia de datos informáticos.',
      'Cuando los datos buscados estén almacenados en otro sistema situado en el territorio nacional al que se pueda acceder legítimamente desde el sistema inicial, el registro podrá extenderse rápidamente a ese otro sistema.',
    ],
  },
  'cy-traffic': {
    h: 'Obtención en tiempo real de datos relativos al tráfico',
    b: [
      'Para la investigación de delitos graves, el juez podrá ordenar a un proveedor de servicios que obtenga o registre en tiempo real los datos relativos al tráfico asociados a comunicaciones específicas, por un plazo no superior a {months}.',
      'Los datos obtenidos se destruirán cuando dejen de ser necesarios para el proceso.',
    ],
  },
  'cy-intl-preservation': {
    h: 'Conservación y revelación de datos a solicitud de un Estado extranjero',
    b: [
      'A solicitud de un Estado extranjero que tenga intención de presentar una solicitud de asistencia, la autoridad competente ordenará la conservación rápida de datos almacenados por medio de un sistema informático situado en el territorio nacional.',
      'Los datos se conservarán durante al menos sesenta días a la espera de la solicitud de asistencia, y no se exigirá la doble incriminación como condición para la conservación.',
      'Cuando se compruebe que un proveedor de servicios de otro Estado participó en la transmisión de una comunicación, se revelará al Estado requirente un volumen suficiente de datos relativos al tráfico para identificar a dicho proveedor y la vía de la comunicación.',
    ],
  },
  'cy-247': {
    h: 'Punto de contacto 24/7',
    b: [
      'La unidad de delitos informáticos de la policía nacional es el punto de contacto localizable las veinticuatro horas del día, siete días a la semana, con el fin de garantizar una asistencia inmediata en las investigaciones de delitos relacionados con sistemas y datos informáticos y en la obtención de pruebas en formato electrónico.',
      'El punto de contacto presta asesoramiento técnico, asegura la conservación de datos, ayuda a localizar a los sospechosos y se comunica con sus homólogos extranjeros de manera acelerada.',
    ],
  },
  'cy-emergency': {
    h: 'Revelación de datos en situaciones de emergencia',
    b: [
      'Cuando exista un riesgo significativo e inminente para la vida o la seguridad de una persona, un proveedor de servicios podrá revelar, a solicitud de una autoridad competente nacional o extranjera, los datos relativos a los abonados o al tráfico necesarios para evitar ese riesgo.',
      'La solicitud se confirmará por escrito en un plazo de setenta y dos horas.',
    ],
  },
  'ex-offences': {
    h: 'Delitos que dan lugar a extradición',
    b: [
      'La extradición podrá concederse por delitos sancionados, con arreglo a la legislación del Estado requirente y a la del Estado requerido, con una pena privativa de libertad cuyo máximo sea de al menos un año.',
      'Cuando la extradición se solicite para el cumplimiento de una condena, la parte de la pena que quede por cumplir deberá ser de al menos {months}.',
      'La doble incriminación se considerará cumplida con independencia de que las leyes de ambos Estados incluyan el delito en la misma categoría o lo denominen con la misma terminología.',
    ],
  },
  'ex-basis': {
    h: 'Fundamento jurídico de la extradición',
    b: [
      'A falta de tratado de extradición con el Estado requirente, la extradición podrá concederse sobre la base de la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional, de otra convención multilateral aplicable al delito o de la reciprocidad.',
      'Los delitos a los que se aplique dicha convención se considerarán incluidos entre los delitos que dan lugar a extradición en todo tratado de extradición vigente.',
    ],
  },
  'ex-nationals': {
    h: 'Extradición de nacionales',
    b: [
      ['Los nacionales no serán extraditados.', 'Los nacionales solo podrán ser extraditados a condición de que sean devueltos para cumplir la pena que se les imponga en el Estado requirente.'],
      'Cuando se deniegue la extradición por razón de la nacionalidad, el caso se someterá sin demora injustificada, a solicitud del Estado requirente, a las autoridades competentes a efectos de enjuiciamiento, y se informará al Estado requirente del resultado.',
    ],
  },
  'ex-refusal': {
    h: 'Motivos de denegación de la extradición',
    b: [
      'La extradición se denegará cuando el delito sea de carácter político, cuando haya motivos fundados para creer que la solicitud tiene por objeto enjuiciar o castigar a la persona por razón de su sexo, raza, religión, nacionalidad, origen étnico u opiniones políticas, o cuando la persona pueda ser sometida a tortura o a tratos crueles, inhumanos o degradantes.',
      'La extradición no podrá denegarse por la sola razón de que el delito también entraña cuestiones tributarias.',
      ['Cuando el delito esté castigado con la pena de muerte en el Estado requirente, la extradición solo se concederá si dicho Estado ofrece garantías suficientes de que no se ejecutará esa pena.', 'La extradición se denegará cuando la persona haya sido absuelta o condenada en sentencia firme por el mismo delito.'],
    ],
  },
  'ex-provisional': {
    h: 'Detención preventiva',
    b: [
      'En caso de urgencia, el Estado requirente podrá solicitar la detención preventiva de la persona reclamada, por vía diplomática o por conducto de la Organización Internacional de Policía Criminal (INTERPOL), en espera de la solicitud de extradición.',
      'La persona será puesta en libertad si la solicitud de extradición y los documentos justificativos no se reciben en un plazo de {days} desde la detención, sin perjuicio de una nueva detención una vez recibidos.',
    ],
  },
  'ex-simplified': {
    h: 'Extradición simplificada',
    b: [
      'La persona reclamada podrá consentir ante el tribunal su entrega, tras haber sido informada de las consecuencias de ese consentimiento.',
      'Si la persona da su consentimiento, la entrega se ordenará sin procedimiento formal de extradición y se efectuará en un plazo de {days}.',
    ],
  },
  'ex-speciality': {
    h: 'Principio de especialidad',
    b: [
      'La persona extraditada no podrá ser procesada, condenada ni detenida por un delito cometido antes de la entrega distinto de aquel por el que se concedió la extradición, salvo que el Estado requerido lo consienta o que la persona, habiendo tenido la posibilidad de abandonar el Estado requirente, no lo haya hecho en un plazo de cuarenta y cinco días o haya regresado a él.',
    ],
  },
  'ex-transfer-sentenced': {
    h: 'Traslado de personas condenadas',
    b: [
      'Una persona condenada en el extranjero podrá ser trasladada para cumplir la condena en el territorio nacional, y un extranjero condenado por un tribunal nacional podrá ser trasladado al Estado de su nacionalidad, con el consentimiento del condenado y de ambos Estados.',
      'Cuando la pena sea incompatible, por su naturaleza o duración, con el derecho interno, el tribunal la adaptará a la pena prevista para un delito de la misma naturaleza, sin agravarla.',
    ],
  },
  'wp-programme': {
    h: 'Programa de protección de testigos',
    b: [
      'Un programa de protección de testigos brinda protección eficaz contra eventuales actos de represalia o intimidación a los testigos que declaren sobre delitos cometidos por grupos delictivos organizados y, según proceda, a sus familiares y demás personas cercanas.',
      'La protección podrá incluir protección física, reubicación, cambio de identidad y restricciones a la revelación de información sobre la identidad y el paradero de las personas protegidas.',
    ],
  },
  'wp-relocation': {
    h: 'Acuerdos internacionales de reubicación',
    b: [
      'La autoridad a cargo del programa podrá celebrar acuerdos o arreglos con otros Estados para la reubicación de personas protegidas y admitir en el programa a personas reubicadas desde el extranjero.',
      'La información sobre la identidad y el paradero de las personas reubicadas solo se intercambiará por conducto de puntos de contacto designados.',
    ],
  },
  'wp-testimony': {
    h: 'Declaración de testigos protegidos',
    b: [
      'Los testigos protegidos podrán prestar declaración por enlace de vídeo u otros medios de comunicación adecuados, desde un lugar que no se revele.',
      'Cuando un testigo protegido se encuentre en el extranjero, su declaración podrá recibirse por videoconferencia de conformidad con las disposiciones sobre asistencia judicial recíproca.',
    ],
  },
  'wp-cooperators': {
    h: 'Personas que colaboran con la justicia',
    b: [
      'La persona que haya participado en un grupo delictivo organizado y proporcione información útil con fines investigativos y probatorios podrá beneficiarse de una reducción de la pena o, en casos excepcionales, de inmunidad judicial.',
      'Dichas personas podrán ser admitidas en el programa de protección de testigos en las mismas condiciones que los testigos.',
    ],
  },
  'som-offence': {
    h: 'Tráfico ilícito de migrantes',
    b: [
      'Quien, con el fin de obtener un beneficio económico u otro beneficio de orden material, facilite la entrada ilegal de una persona en el territorio nacional o en el de otro Estado, o permita que una persona permanezca ilegalmente en el territorio nacional, será sancionado con pena de prisión de hasta {years}.',
      'La creación, facilitación, suministro o posesión de un documento de viaje o de identidad falso con ese fin se sancionará con la misma pena.',
    ],
  },
  'som-aggravation': {
    h: 'Circunstancias agravantes',
    b: [
      'La pena será de prisión de {min} a {years} cuando el delito ponga en peligro la vida o la seguridad de los migrantes o dé lugar a un trato inhumano o degradante, en particular con fines de explotación.',
      'La misma pena se aplicará cuando entre los migrantes haya niños no acompañados o cuando el delito sea cometido por un grupo delictivo organizado.',
    ],
  },
  'som-migrants': {
    h: 'Derechos de los migrantes objeto de tráfico ilícito',
    b: [
      'Los migrantes no estarán sujetos a enjuiciamiento penal por el hecho de haber sido objeto de tráfico ilícito.',
      'Las autoridades competentes protegerán los derechos de los migrantes objeto de tráfico ilícito, en particular el derecho a la vida y el derecho a no ser sometido a tortura o a otras penas o tratos crueles, inhumanos o degradantes, y les informarán sin demora de su derecho a la asistencia consular.',
    ],
  },
  'som-sea': {
    h: 'Tráfico ilícito de migrantes por mar',
    b: [
      'Cuando haya motivos razonables para sospechar que un buque que enarbole el pabellón nacional está involucrado en el tráfico ilícito de migrantes por mar, las autoridades competentes podrán solicitar la asistencia de otros Estados.',
      'La autoridad competente responderá con celeridad a la solicitud de otro Estado de que se confirme la matrícula de un buque y se autorice su visita y registro, velando por la seguridad y el trato humano de las personas a bordo.',
    ],
  },
  'fa-manufacturing': {
    h: 'Fabricación y tráfico ilícitos de armas de fuego',
    b: [
      'Quien fabrique o monte armas de fuego, sus piezas y componentes o municiones sin licencia, o sin marcar las armas de fuego en el momento de su fabricación, será sancionado con pena de prisión de {min} a {years}.',
      'La misma pena se impondrá por la importación, exportación, venta o transferencia no autorizadas de armas de fuego, sus piezas y componentes y municiones, y por la falsificación o la supresión ilícita de sus marcas.',
    ],
  },
  'fa-marking': {
    h: 'Marcación de las armas de fuego',
    b: [
      'Toda arma de fuego fabricada en el territorio nacional o importada llevará una marca distintiva que indique el nombre del fabricante, el país o lugar de fabricación y el número de serie, de modo que las autoridades competentes puedan localizarla.',
      'Las armas de fuego transferidas de las existencias estatales a la utilización civil permanente recibirán la marca apropiada.',
    ],
  },
  'fa-records': {
    h: 'Registros y localización',
    b: [
      'La autoridad nacional de armas de fuego conservará, durante no menos de diez años, la información relativa a las marcas de las armas de fuego y a las transacciones internacionales de armas de fuego, sus piezas y componentes y municiones.',
      'La autoridad responderá en un plazo de {days} a las solicitudes de asistencia de otros Estados para localizar armas de fuego, y la información intercambiada tendrá carácter confidencial.',
    ],
  },
  'fa-licensing': {
    h: 'Licencias de exportación, importación y tránsito',
    b: [
      'La exportación, la importación y el tránsito de armas de fuego, sus piezas y componentes y municiones requerirán una licencia expedida por la autoridad competente.',
      'Antes de expedir una licencia de exportación, la autoridad verificará que el Estado importador haya expedido una licencia de importación y que los Estados de tránsito no se opongan al tránsito.',
    ],
  },
  'ac-foreign-bribery': {
    h: 'Soborno de funcionarios públicos extranjeros',
    b: [
      'Quien prometa, ofrezca o conceda a un funcionario público extranjero o a un funcionario de una organización internacional pública un beneficio indebido, con el fin de que actúe o se abstenga de actuar en el ejercicio de sus funciones para obtener o mantener un negocio, será sancionado con pena de prisión de hasta {years}.',
      'Las personas jurídicas serán responsables de este delito cuando se cometa en su beneficio.',
    ],
  },
  'ac-illicit-enrichment': {
    h: 'Enriquecimiento ilícito',
    b: [
      'El funcionario público que no pueda justificar razonablemente un incremento significativo de su patrimonio respecto de sus ingresos legítimos será sancionado con pena de prisión de hasta {years} y con el decomiso de los bienes no justificados.',
      'Los funcionarios públicos declararán su patrimonio y sus intereses al asumir y al cesar en el cargo, y periódicamente durante su ejercicio.',
    ],
  },
  'ac-asset-recovery': {
    h: 'Recuperación de activos mediante la cooperación internacional',
    b: [
      'A solicitud de otro Estado parte en la Convención de las Naciones Unidas contra la Corrupción, el tribunal competente podrá dar efecto a una orden de decomiso dictada por un tribunal de ese Estado.',
      'El decomiso podrá ordenarse sin que medie una condena penal cuando el autor no pueda ser enjuiciado por motivo de fallecimiento, fuga o ausencia.',
      'El tribunal podrá ordenar el embargo preventivo o la incautación de bienes con base en una orden de embargo preventivo o de incautación dictada en el Estado requirente.',
    ],
  },
  'ac-mla': {
    h: 'Asistencia judicial recíproca en casos de corrupción',
    b: [
      'Se prestará la más amplia asistencia judicial recíproca posible en las investigaciones, los procesos y las actuaciones judiciales relacionados con los delitos tipificados con arreglo a la Convención de las Naciones Unidas contra la Corrupción.',
      'A falta de doble incriminación, se prestará la asistencia que no entrañe medidas coercitivas, en particular a efectos de la recuperación de activos.',
    ],
  },
  'ac-whistleblowers': {
    h: 'Protección de los denunciantes',
    b: [
      'Toda persona que denuncie ante las autoridades competentes, de buena fe y con motivos razonables, hechos relativos a delitos de corrupción estará protegida contra todo trato injustificado, incluidos el despido y cualquier otra represalia.',
      'La identidad del denunciante se mantendrá en reserva, salvo que este consienta en su revelación.',
    ],
  },
  'dr-trafficking': {
    h: 'Tráfico ilícito de estupefacientes y sustancias psicotrópicas',
    b: [
      'Quien, sin autorización, cultive, produzca, fabrique, ofrezca en venta, venda, distribuya, transporte, importe o exporte un estupefaciente o una sustancia psicotrópica será sancionado con pena de prisión de {min} a {years}.',
      'La fabricación, el transporte o la distribución de equipos, materiales o precursores, a sabiendas de que van a utilizarse con esos fines, se sancionarán con la misma pena.',
    ],
  },
  'dr-controlled-delivery': {
    h: 'Entrega vigilada',
    b: [
      'Con autorización del fiscal, podrá permitirse que remesas de estupefacientes o sustancias psicotrópicas salgan del territorio nacional, lo atraviesen o entren en él bajo la supervisión de las autoridades competentes, con el fin de identificar a las personas involucradas en el delito.',
      'Las entregas vigiladas en las que participen otros Estados se realizarán de conformidad con los acuerdos o arreglos concertados con esos Estados.',
    ],
  },
  'te-offence': {
    h: 'Delitos de terrorismo',
    b: [
      'Quien cometa un delito grave contra las personas o los bienes con el propósito de intimidar gravemente a una población u obligar a un gobierno o a una organización internacional a realizar un acto o a abstenerse de hacerlo será sancionado con pena de prisión de {min} a {years}.',
      'Los delitos previstos en esta ley no se considerarán delitos políticos a efectos de la extradición o de la asistencia judicial recíproca.',
    ],
  },
  'te-financing': {
    h: 'Financiación del terrorismo',
    b: [
      'Quien, por cualquier medio, provea o recolecte fondos con la intención de que se utilicen, o a sabiendas de que serán utilizados, para cometer un acto terrorista o por una organización terrorista será sancionado con pena de prisión de hasta {years}.',
      'Los fondos se congelarán sin demora una vez designada la persona o entidad de que se trate y podrán ser objeto de decomiso.',
    ],
  },
  'wl-trafficking': {
    h: 'Tráfico de especies protegidas de fauna y flora silvestres',
    b: [
      'Quien capture, posea, transporte, venda, importe o exporte sin permiso especímenes de especies protegidas de fauna y flora silvestres, o sus partes y productos, será sancionado con pena de prisión de hasta {years} y con el decomiso de los especímenes.',
      'La pena se duplicará cuando el delito sea cometido por un grupo delictivo organizado o afecte a una especie en peligro de extinción.',
    ],
  },
  'wl-fisheries': {
    h: 'Pesca ilegal y delitos conexos',
    b: [
      'La pesca sin licencia, en zonas vedadas o con artes prohibidas, así como el transbordo o el desembarque de pescado capturado ilegalmente, se sancionarán con multa y con el decomiso de las capturas, las artes y el buque.',
      'Las autoridades competentes intercambiarán información con los Estados del pabellón, ribereños y del puerto sobre los buques sospechosos de pesca ilegal y de delitos conexos como el fraude documental y el trabajo forzoso a bordo.',
    ],
  },
  'cu-trafficking': {
    h: 'Tráfico de bienes culturales',
    b: [
      'Quien exporte, importe, venda o adquiera bienes culturales muebles a sabiendas de que han sido robados, excavados ilícitamente o exportados ilícitamente será sancionado con pena de prisión de hasta {years}.',
      'Los comerciantes de bienes culturales llevarán un registro en el que conste el origen de cada objeto y la identidad del proveedor.',
    ],
  },
  'cu-return': {
    h: 'Restitución de bienes culturales',
    b: [
      'Los bienes culturales exportados ilícitamente de otro Estado que se encuentren en el territorio nacional serán incautados y restituidos a dicho Estado a solicitud de este, de conformidad con los acuerdos internacionales vigentes.',
      'Las autoridades competentes intercambiarán información sobre bienes culturales robados con las autoridades extranjeras y con la Organización Internacional de Policía Criminal (INTERPOL).',
    ],
  },
  'md-falsified': {
    h: 'Productos médicos falsificados',
    b: [
      'Quien fabrique, suministre, ofrezca, importe o exporte un producto médico que tergiverse de forma deliberada y fraudulenta su identidad, composición u origen será sancionado con pena de prisión de {min} a {years}.',
      'La pena se agravará cuando el producto haya causado la muerte o un daño grave a la salud, o cuando se haya ofrecido a la venta por Internet.',
    ],
  },
  'md-counterfeit': {
    h: 'Mercancías falsificadas',
    b: [
      'La fabricación, importación, almacenamiento y venta de mercancías que lleven sin autorización una marca idéntica a una marca registrada o que no pueda distinguirse de ella se sancionarán con pena de prisión de hasta {years}.',
      'Las autoridades aduaneras podrán suspender el levante de las mercancías sospechosas de ser falsificadas y destruirlas tras una resolución firme.',
    ],
  },
};
