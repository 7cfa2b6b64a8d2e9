/** Español: jurisprudencia (hechos por delito, decisiones por tipo de cooperación, tribunales). */
import type { DemoTexts } from '../types.js';

export const crimes: DemoTexts['crimes'] = {
  'tip-sexual': {
    label: 'trata de personas con fines de explotación sexual',
    facts: [
      'A partir de {year}, los acusados, actuando dentro de un grupo estructurado de {n}, captaron en el extranjero a mujeres jóvenes con falsas promesas de trabajo en restaurantes y hoteles.',
      ['A su llegada, se les retiraron los pasaportes y se las obligó a prostituirse para pagar supuestas deudas de viaje.', 'Las víctimas eran alojadas en pisos controlados por el grupo y obligadas a prostituirse bajo amenazas contra sus familias.'],
      'Las ganancias se cobraban en efectivo y se enviaban al extranjero mediante servicios de transferencia de dinero.',
    ],
  },
  'tip-labour': {
    label: 'trata de personas con fines de trabajo forzoso',
    facts: [
      'A partir de {year}, los acusados captaron en el extranjero a trabajadores para fincas agrícolas y obras de construcción, prometiéndoles salarios que nunca se pagaron.',
      'La inspección del trabajo identificó a más de {n} sometidas a servidumbre por deudas, privadas de sus documentos de identidad y alojadas en contenedores hacinados.',
      ['Los salarios adeudados se transferían a cuentas que tenían en el extranjero familiares de los acusados.', 'Parte de las ganancias se invirtió en bienes inmuebles a través de una sociedad registrada en el extranjero.'],
    ],
  },
  'som-sea': {
    label: 'tráfico ilícito de migrantes por mar',
    facts: [
      'En {year}, los acusados organizaron varias travesías por mar en embarcaciones precarias para migrantes que habían pagado grandes sumas por el viaje.',
      ['Durante una de las travesías falló el motor y la guardia costera rescató del mar a más de {n}.', 'Más de {n} fueron trasladadas en alta mar a embarcaciones más pequeñas y abandonadas cerca de la costa.'],
      'Los pagos se realizaban a través de sistemas informales de transferencia de dinero en varios países.',
    ],
  },
  'drugs-cocaine': {
    label: 'tráfico internacional de cocaína',
    facts: [
      'En {year}, funcionarios de aduanas hallaron cocaína oculta en un contenedor de fruta llegado por vía marítima.',
      ['Una entrega vigilada permitió a los investigadores identificar a los miembros de la red, un grupo de {n}, que recibieron el cargamento.', 'La investigación reveló que un grupo de {n} había organizado varios envíos anteriores por la misma ruta.'],
      'La droga había sido enviada desde un puerto extranjero por una empresa controlada por la red.',
    ],
  },
  laundering: {
    label: 'blanqueo del producto del delito mediante sociedades pantalla',
    facts: [
      'A partir de {year}, los acusados blanquearon el producto de estafas y del tráfico de drogas a través de sociedades registradas en varias jurisdicciones.',
      ['Los fondos se movían mediante facturas ficticias por servicios de consultoría y luego se invertían en bienes inmuebles.', 'Los acusados utilizaban cuentas abiertas a nombre de testaferros y transferían los fondos al extranjero en pequeñas cantidades.'],
      'La unidad de inteligencia financiera comunicó las operaciones sospechosas a la fiscalía.',
    ],
  },
  bribery: {
    label: 'soborno de funcionarios públicos en la contratación pública',
    facts: [
      'En {year}, una empresa constructora obtuvo contratos públicos tras pagar sobornos a funcionarios del ministerio encargado de las obras públicas.',
      ['Los sobornos se pagaban a través de una sociedad intermediaria en el extranjero mediante contratos de consultoría ficticios.', 'Los funcionarios recibían los sobornos en cuentas abiertas en el extranjero a nombre de familiares.'],
      'Una auditoría interna y la denuncia de un empleado dieron lugar a la apertura de la investigación.',
    ],
  },
  ransomware: {
    label: 'ataques con programas de secuestro de datos contra hospitales y empresas',
    facts: [
      'En {year}, los sistemas informáticos de hospitales y empresas fueron cifrados mediante programas de secuestro de datos, y se exigió a las víctimas el pago de un rescate en criptoactivos.',
      ['La investigación vinculó los ataques a un grupo de {n} que operaba servidores situados en el extranjero.', 'Los investigadores identificaron a los acusados gracias a las direcciones de criptoactivos utilizadas para cobrar los rescates.'],
      'Los datos en poder de proveedores de servicios extranjeros fueron esenciales para identificar a los autores.',
    ],
  },
  'online-fraud': {
    label: 'fraude de inversión en línea',
    facts: [
      'A partir de {year}, los acusados gestionaron centros de llamadas que ofrecían inversiones ficticias en línea a miles de víctimas en varios países.',
      ['El dinero de las víctimas se transfería a cuentas en el extranjero y luego se convertía en criptoactivos.', 'Los sitios web utilizados por el grupo estaban alojados en el extranjero y registrados con identidades falsas.'],
      'La pérdida total se estimó en varios millones de dólares de los Estados Unidos.',
    ],
  },
  firearms: {
    label: 'tráfico de armas de fuego',
    facts: [
      'En {year}, la policía incautó un cargamento de pistolas y fusiles de asalto cuyos números de serie habían sido borrados.',
      ['La localización demostró que las armas se habían comprado legalmente en el extranjero e introducido de contrabando en vehículos con compartimentos ocultos.', 'Algunas de las armas se habían montado con piezas y componentes encargados en línea.'],
      'Se sospechaba que un grupo de {n} suministraba las armas a organizaciones delictivas.',
    ],
  },
  cultural: {
    label: 'tráfico de bienes culturales',
    facts: [
      'En {year}, objetos arqueológicos saqueados de yacimientos fueron puestos a la venta por una casa de subastas en el extranjero.',
      ['Los objetos se habían exportado con certificados falsos que los presentaban como réplicas modernas.', 'Los peritos determinaron que los objetos procedían de un sitio arqueológico protegido.'],
      'Las autoridades del Estado de origen solicitaron la incautación y la restitución de los objetos.',
    ],
  },
  wildlife: {
    label: 'tráfico de especies silvestres protegidas',
    facts: [
      'En {year}, funcionarios de aduanas incautaron varios cientos de kilogramos de marfil y escamas de pangolín ocultos en un cargamento declarado como madera.',
      ['La investigación identificó una red de {n} que organizaba el transporte desde los países de origen hasta los mercados.', 'El cargamento había transitado por varios puertos con documentos falsificados.'],
      'Los análisis forenses permitieron determinar el origen del marfil.',
    ],
  },
  piracy: {
    label: 'piratería y robo a mano armada contra buques',
    facts: [
      'En {year}, hombres armados abordaron un buque mercante en alta mar y mantuvieron a su tripulación como rehén durante varias semanas.',
      ['Los sospechosos fueron aprehendidos por una patrulla naval y entregados para su enjuiciamiento.', 'El armador pagó un rescate, parte del cual se localizó posteriormente en cuentas en el extranjero.'],
      'La tripulación incluía a nacionales de varios Estados, que declararon como testigos.',
    ],
  },
  counterfeit: {
    label: 'tráfico de mercancías falsificadas',
    facts: [
      'En {year}, funcionarios de aduanas incautaron un gran cargamento de ropa, aparatos electrónicos y repuestos falsificados.',
      ['Las mercancías se distribuían a través de plataformas de venta en línea y de almacenes controlados por un grupo de {n}.', 'La investigación demostró que las mercancías se importaban a través de varios puertos de tránsito para eludir los controles.'],
      'Los titulares de las marcas se constituyeron en parte civil.',
    ],
  },
  medicines: {
    label: 'tráfico de productos médicos falsificados',
    facts: [
      'En {year}, las autoridades sanitarias detectaron antibióticos y antipalúdicos falsificados que se vendían en farmacias y en línea.',
      ['Los análisis de laboratorio demostraron que los productos no contenían ningún principio activo.', 'Los productos se habían fabricado en el extranjero e importado con declaraciones falsas.'],
      'Varios pacientes sufrieron daños graves tras tomar los productos.',
    ],
  },
  'terror-financing': {
    label: 'financiación del terrorismo',
    facts: [
      'A partir de {year}, los acusados recaudaron fondos a través de una organización benéfica y los transfirieron a miembros de una organización terrorista en el extranjero.',
      ['Las transferencias se hacían en pequeñas cantidades a través de servicios de envío de dinero para eludir la detección.', 'Los fondos se utilizaron para comprar armas y pagar a combatientes.'],
      'La unidad de inteligencia financiera detectó las operaciones.',
    ],
  },
  obstruction: {
    label: 'obstrucción de la justicia e intimidación de testigos',
    facts: [
      'En {year}, durante el juicio contra miembros de un grupo delictivo organizado, varios testigos de cargo se retractaron de sus declaraciones.',
      ['La investigación demostró que habían sido amenazados y que cómplices de los acusados les habían ofrecido dinero.', 'Un testigo que se había trasladado al extranjero denunció haber recibido amenazas por teléfono.'],
      'La fiscalía abrió un procedimiento separado por obstrucción de la justicia.',
    ],
  },
};

export const procedures: DemoTexts['procedures'] = {
  'extradition-granted': {
    title: 'Extradición de una persona reclamada por {crime}',
    summary: 'El tribunal autorizó la extradición de la persona reclamada al Estado requirente ({partner}) para su enjuiciamiento.',
    decision: [
      'El tribunal constató que el delito estaba sancionado en la legislación de ambos Estados con pena privativa de libertad superior a un año y que la solicitud iba acompañada de los documentos exigidos.',
      ['Consideró que la persona reclamada no había demostrado un riesgo real de malos tratos en el Estado requirente.', 'Desestimó el argumento de que el proceso tenía motivación política.'],
      'La extradición se autorizó con sujeción al principio de especialidad.',
    ],
    commentary: ['La decisión confirma que la doble incriminación se aprecia en función de la conducta subyacente y no de la calificación jurídica del delito.'],
  },
  'extradition-refused': {
    title: 'Denegación de la extradición de una persona reclamada por {crime}',
    summary: 'El tribunal denegó la extradición al Estado requirente ({partner}), y el caso se remitió a las autoridades nacionales encargadas del enjuiciamiento.',
    decision: [
      ['El tribunal constató que la persona reclamada era nacional y que la Constitución prohíbe la extradición de nacionales.', 'El tribunal constató que el Estado requirente no había ofrecido garantías suficientes sobre las condiciones de detención.'],
      'En aplicación del principio de extraditar o juzgar, el caso se sometió sin demora injustificada a las autoridades competentes a efectos de enjuiciamiento.',
      'Las pruebas transmitidas por el Estado requirente se admitieron en el proceso nacional.',
    ],
    commentary: ['El caso muestra cómo la obligación de extraditar o juzgar garantiza que la denegación de la extradición no conduzca a la impunidad.'],
  },
  'mla-evidence': {
    title: 'Condena por {crime} sobre la base de pruebas obtenidas mediante asistencia judicial recíproca',
    summary: 'El tribunal condenó a los acusados sobre la base de pruebas obtenidas del Estado requerido ({partner}) mediante asistencia judicial recíproca.',
    decision: [
      'El tribunal admitió los registros bancarios y las declaraciones de testigos obtenidos en el extranjero, al considerar que se habían recabado de conformidad con la legislación del Estado requerido y con los procedimientos especificados en la solicitud.',
      'Los acusados fueron condenados a penas de prisión de hasta {years}.',
      ['El tribunal ordenó además el decomiso del producto del delito.', 'El tribunal rechazó el argumento de la defensa de que las pruebas obtenidas en el extranjero eran inadmisibles.'],
    ],
    commentary: ['El caso ilustra la importancia de especificar en la solicitud el procedimiento que debe seguirse, para que las pruebas obtenidas en el extranjero sean admisibles en el juicio.'],
  },
  jit: {
    title: 'Investigación conjunta sobre un caso de {crime}',
    summary: 'Los acusados fueron condenados tras una investigación conjunta de las autoridades nacionales y las del Estado asociado ({partner}).',
    decision: [
      'El tribunal consideró admisibles las pruebas obtenidas en el extranjero por los miembros del equipo conjunto de investigación, por haberse recabado de conformidad con el acuerdo de creación del equipo.',
      'Los acusados fueron condenados a penas de prisión de hasta {years}.',
    ],
    commentary: ['El equipo conjunto de investigación permitió detener simultáneamente a los sospechosos en ambos Estados y embargar sus activos de manera coordinada.'],
  },
  confiscation: {
    title: 'Ejecución de una orden de decomiso extranjera en un caso de {crime}',
    summary: 'El tribunal dio efecto a una orden de decomiso dictada en el Estado requirente ({partner}) y ordenó el decomiso de activos situados en el territorio nacional.',
    decision: [
      'El tribunal constató que la orden de decomiso era firme, que el propietario había podido defender sus derechos en el Estado requirente y que los activos constituían producto del delito.',
      ['La mitad de los activos decomisados se repartirá con el Estado requirente en virtud de un acuerdo de reparto de activos.', 'Los activos decomisados se devolverán al Estado requirente para indemnizar a las víctimas.'],
    ],
    commentary: ['La decisión ilustra el reconocimiento de las órdenes de decomiso extranjeras y la devolución del producto decomisado a las víctimas del delito.'],
  },
  'e-evidence': {
    title: 'Pruebas electrónicas obtenidas en el extranjero en un caso de {crime}',
    summary: 'Los datos almacenados por proveedores de servicios en el Estado requerido ({partner}) se conservaron y luego se obtuvieron mediante asistencia judicial recíproca.',
    decision: [
      'El tribunal admitió los datos relativos a los abonados, los datos relativos al tráfico y los contenidos almacenados obtenidos de un proveedor de servicios extranjero, al considerar que la cadena de custodia estaba documentada.',
      'Los acusados fueron condenados a penas de prisión de hasta {years}.',
    ],
    commentary: ['Una solicitud de conservación rápida enviada a través de la red 24/7 impidió que se borraran los datos antes de que llegara la solicitud de asistencia judicial recíproca.'],
  },
  'video-witness': {
    title: 'Audiencia de testigos por videoconferencia en un caso de {crime}',
    summary: 'Testigos que se encontraban en el Estado requerido ({partner}) fueron oídos por videoconferencia durante el juicio.',
    decision: [
      'El tribunal consideró que la audiencia por videoconferencia, celebrada en presencia de una autoridad judicial del Estado requerido y con interpretación, respetó los derechos de la defensa.',
      'Los acusados fueron condenados a penas de prisión de hasta {years}.',
    ],
    commentary: ['La audiencia de los testigos por videoconferencia les evitó el viaje y los protegió de todo contacto con los acusados.'],
  },
  'transfer-sentenced': {
    title: 'Traslado de una persona condenada por {crime}',
    summary: 'El tribunal autorizó el traslado de un nacional condenado en el Estado de condena ({partner}) para que cumpla el resto de la pena en el territorio nacional.',
    decision: [
      'El tribunal constató que la persona condenada había consentido en el traslado y que los hechos constituían delito con arreglo al derecho interno.',
      'Adaptó la pena a la pena máxima prevista en el derecho interno, es decir, {years} de prisión.',
    ],
    commentary: ['El traslado favorece la reinserción social de la persona condenada, que puede cumplir la pena cerca de su familia.'],
  },
  'domestic-conviction': {
    title: 'Condena de miembros de un grupo delictivo organizado por {crime}',
    summary: 'Miembros del grupo fueron condenados tras una investigación realizada en cooperación con la policía del Estado asociado ({partner}).',
    decision: [
      'El tribunal constató que los acusados habían actuado dentro de un grupo estructurado que existía desde hacía cierto tiempo y perseguía la obtención de un beneficio económico.',
      'Se admitieron las pruebas procedentes de operaciones encubiertas y de interceptaciones de comunicaciones autorizadas por un juez.',
      'Los acusados fueron condenados a penas de prisión de hasta {years}.',
    ],
    commentary: ['La información intercambiada entre los servicios de policía de ambos Estados por conducto de oficiales de enlace fue decisiva para identificar a los dirigentes del grupo.'],
  },
};

export const basis: DemoTexts['basis'] = {
  untoc: 'La Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional sirvió de fundamento jurídico para la cooperación, al no existir un tratado bilateral en vigor entre ambos Estados.',
  other: [
    'La cooperación se basó en un tratado bilateral entre ambos Estados.',
    'A falta de tratado, la cooperación se basó en la reciprocidad.',
    'La cooperación se basó en una convención regional en la que ambos Estados son partes.',
  ],
};

export const courts: DemoTexts['courts'] = {
  apex: ['Corte Suprema de Justicia, Sala Penal', 'Tribunal Supremo, Sala de lo Penal', 'Corte Suprema de Justicia'],
  appeal: ['Corte de Apelaciones', 'Tribunal Superior, Sala Penal', 'Cámara de Apelaciones en lo Penal'],
  trial: ['Tribunal de Sentencia', 'Juzgado Penal de Circuito', 'Tribunal Oral en lo Criminal', 'Juzgado de lo Penal'],
};

export function caseNumber(level: 'apex' | 'appeal' | 'trial', n: number, year: number): string {
  if (level === 'apex') return `Recurso de casación n.º ${n}/${year}`;
  if (level === 'appeal') return `Apelación n.º ${n}-${year}`;
  return `Causa n.º ${n}/${year}`;
}
