/** Español: disposiciones de los códigos penales, los códigos procesales penales y las leyes de asistencia judicial recíproca. */
import type { Part1Kinds, ProvisionsOf } from '../types.js';

export const provisions1: ProvisionsOf<Part1Kinds> = {
  'cc-ocg': {
    h: 'Participación en un grupo delictivo organizado',
    b: [
      'Quien, con conocimiento de la finalidad y actividad delictiva general de un grupo delictivo organizado, participe activamente en sus actividades ilícitas será sancionado con pena de prisión de {min} a {years}.',
      ['Con la misma pena será sancionado quien organice, dirija, ayude, incite, facilite o asesore la comisión de un delito grave que entrañe la participación de un grupo delictivo organizado.', 'La pena se agravará en un tercio cuando el autor dirija el grupo o cuando el grupo recurra a la violencia o a la corrupción.'],
      'Por grupo delictivo organizado se entiende un grupo estructurado de tres o más personas que exista durante cierto tiempo y que actúe concertadamente con el propósito de cometer delitos graves para obtener un beneficio económico u otro beneficio de orden material.',
    ],
  },
  'cc-laundering': {
    h: 'Blanqueo del producto del delito',
    b: [
      'Quien convierta o transfiera bienes a sabiendas de que son producto del delito, con el propósito de ocultar o disimular su origen ilícito, será sancionado con pena de prisión de hasta {years}.',
      'La misma pena se impondrá a quien oculte la verdadera naturaleza, origen, ubicación o propiedad de dichos bienes, o los adquiera, posea o utilice a sabiendas de su origen.',
      ['Los delitos cometidos en el extranjero constituyen delitos determinantes cuando el hecho también es punible en el Estado en que se cometió.', 'El conocimiento, la intención o la finalidad podrán inferirse de circunstancias fácticas objetivas.'],
    ],
  },
  'cc-bribery': {
    h: 'Soborno de funcionarios públicos',
    b: [
      'El funcionario público que solicite o acepte un beneficio indebido, para sí o para un tercero, con el fin de actuar o abstenerse de actuar en el cumplimiento de sus funciones será sancionado con pena de prisión de {min} a {years}.',
      'Con la misma pena será sancionado quien prometa, ofrezca o conceda dicho beneficio a un funcionario público.',
      ['El tribunal ordenará además el decomiso del beneficio o de bienes de valor equivalente.', 'Quedará exento de pena quien denuncie el delito a las autoridades antes de que sea descubierto.'],
    ],
  },
  'cc-obstruction': {
    h: 'Obstrucción de la justicia',
    b: [
      'Quien recurra a la fuerza física, a amenazas o a la intimidación, o prometa, ofrezca o conceda un beneficio indebido, para inducir a falso testimonio u obstaculizar la prestación de testimonio o la aportación de pruebas será sancionado con pena de prisión de hasta {years}.',
      'La misma pena se impondrá a quien recurra a la fuerza, a amenazas o a la intimidación para obstaculizar el cumplimiento de las funciones de un juez, un fiscal o un funcionario encargado de hacer cumplir la ley.',
    ],
  },
  'cc-legal-persons': {
    h: 'Responsabilidad de las personas jurídicas',
    b: [
      'Las personas jurídicas serán penalmente responsables de los delitos cometidos en su nombre y en su beneficio por sus órganos o representantes, o posibilitados por la falta de supervisión.',
      'La responsabilidad de la persona jurídica no excluye la responsabilidad penal de las personas físicas que hayan cometido el delito.',
      ['La persona jurídica podrá ser condenada a multa, decomiso, inhabilitación para contratar con el Estado o disolución.', 'Las sanciones aplicables a las personas jurídicas serán eficaces, proporcionadas y disuasivas.'],
    ],
  },
  'cc-tip': {
    h: 'Trata de personas',
    b: [
      'Quien capte, transporte, traslade, acoja o reciba a una persona recurriendo a la amenaza, la fuerza, la coacción, el rapto, el fraude, el engaño o el abuso de poder o de una situación de vulnerabilidad, con fines de explotación, será sancionado con pena de prisión de {min} a {years}.',
      'Cuando la víctima sea un niño, el delito se configura aunque no se haya recurrido a ninguno de esos medios.',
      ['El consentimiento de la víctima a la explotación prevista no se tendrá en cuenta.', 'La pena se agravará cuando el delito haya puesto en peligro la vida de la víctima o haya sido cometido por un grupo delictivo organizado.'],
    ],
  },
  'cc-som': {
    h: 'Tráfico ilícito de migrantes',
    b: [
      'Quien, con el fin de obtener un beneficio económico u otro beneficio de orden material, facilite la entrada ilegal de una persona en un Estado del cual no sea nacional ni residente permanente será sancionado con pena de prisión de hasta {years}.',
      'La pena se agravará cuando el delito ponga en peligro la vida o la seguridad de los migrantes o dé lugar a un trato inhumano o degradante.',
    ],
  },
  'cc-drugs': {
    h: 'Tráfico ilícito de estupefacientes',
    b: [
      'Quien, sin autorización, produzca, ofrezca, venda, distribuya, transporte, importe o exporte estupefacientes o sustancias psicotrópicas será sancionado con pena de prisión de {min} a {years}.',
      ['La pena se agravará cuando el delito sea cometido por un grupo delictivo organizado o implique la utilización de niños.', 'La posesión de dichas sustancias en cantidades que indiquen que están destinadas al tráfico se sancionará como tráfico.'],
    ],
  },
  'cc-jurisdiction': {
    h: 'Jurisdicción',
    b: [
      'La ley penal se aplica a los delitos cometidos en el territorio nacional, a bordo de un buque que enarbole el pabellón nacional o de una aeronave matriculada conforme al derecho interno.',
      'Se aplica asimismo a los delitos cometidos en el extranjero por un nacional o contra un nacional, y a los delitos cometidos en el extranjero cuando el presunto autor se encuentre en el territorio nacional y no sea extraditado por razón de su nacionalidad.',
    ],
  },
  'cc-confiscation': {
    h: 'Decomiso del producto y de los instrumentos del delito',
    b: [
      'En caso de condena, el tribunal ordenará el decomiso del producto del delito o de bienes de valor equivalente, así como de los instrumentos utilizados o destinados a utilizarse en la comisión del delito.',
      'Cuando el producto del delito se haya transformado en otros bienes o mezclado con bienes adquiridos lícitamente, dichos bienes podrán ser objeto de decomiso hasta el valor estimado del producto.',
      ['Los ingresos u otros beneficios derivados del producto del delito podrán ser objeto de decomiso de la misma manera.', 'Se protegerán los derechos de terceros de buena fe.'],
    ],
  },
  'cc-limitation': {
    h: 'Prescripción',
    b: [
      'La acción penal por un delito grave prescribe a los {years}, contados desde el día en que se cometió el delito.',
      'El plazo de prescripción se suspende mientras el presunto autor eluda la acción de la justicia, en particular mientras se encuentre en el extranjero y no pueda ser extraditado.',
      'Todo acto de investigación o de persecución, incluida una solicitud de asistencia judicial recíproca o de extradición, interrumpe la prescripción.',
    ],
  },
  'cc-piracy': {
    h: 'Piratería',
    b: [
      'Quien cometa, con un propósito personal, un acto ilegal de violencia, detención o depredación contra un buque en alta mar, o contra personas o bienes a bordo de él, será sancionado con pena de prisión de {min} a {years}.',
      'Los tribunales nacionales serán competentes respecto de estos actos, cualquiera que sea el lugar de su comisión, cuando el sospechoso se encuentre en el territorio nacional.',
    ],
  },
  'cp-sit': {
    h: 'Técnicas especiales de investigación',
    b: [
      'Cuando la investigación de un delito grave cometido por un grupo delictivo organizado lo requiera, el fiscal podrá autorizar entregas vigiladas, operaciones encubiertas y vigilancia electrónica por un plazo no superior a {months}, prorrogable una vez.',
      ['Las entregas vigiladas podrán realizarse de común acuerdo con las autoridades competentes de otros Estados, en virtud de acuerdos internacionales o de arreglos concertados caso por caso.', 'Las pruebas obtenidas mediante estas técnicas serán admisibles ante los tribunales siempre que la autorización y su ejecución hayan quedado registradas.'],
      'La autorización se dará por escrito, será motivada y estará sujeta a control judicial.',
    ],
  },
  'cp-interception': {
    h: 'Interceptación de comunicaciones',
    b: [
      'A solicitud fundada del fiscal, el juez podrá ordenar la interceptación y grabación de las telecomunicaciones y de los datos relativos al contenido transmitidos por medio de un sistema informático, cuando la investigación se refiera a un delito sancionado con pena de prisión de al menos {min}.',
      'La orden especificará las comunicaciones afectadas y se dictará por un plazo no superior a {months}, prorrogable en las mismas condiciones.',
      ['Las grabaciones que no sean pertinentes para la investigación serán destruidas.', 'No podrán transcribirse las comunicaciones entre el investigado y su abogado.'],
    ],
  },
  'cp-witness': {
    h: 'Protección de testigos en el proceso penal',
    b: [
      'Cuando exista un riesgo grave para la vida o la seguridad de un testigo, un perito o una víctima, o de sus familiares, el tribunal podrá permitir que preste declaración sin revelar su identidad ni su paradero.',
      'La declaración podrá prestarse por enlace de vídeo u otros medios adecuados, y podrán distorsionarse la voz y la imagen del testigo.',
      ['Ninguna condena podrá fundarse exclusivamente o de manera decisiva en un testimonio anónimo.', 'La defensa tendrá una oportunidad adecuada de interrogar al testigo protegido.'],
    ],
  },
  'cp-video': {
    h: 'Audiencia por videoconferencia',
    b: [
      'Cuando un testigo o perito se encuentre en el extranjero y no sea posible o conveniente que comparezca personalmente, la audiencia podrá celebrarse por videoconferencia a solicitud de una autoridad judicial extranjera o a solicitud de una autoridad judicial nacional dirigida a un Estado extranjero.',
      'La audiencia estará a cargo de la autoridad judicial del Estado requirente, en presencia de una autoridad judicial del Estado requerido.',
      ['La persona oída podrá estar asistida por un intérprete y por un abogado.', 'El falso testimonio prestado en dicha audiencia será sancionado como si se hubiera prestado ante un tribunal nacional.'],
    ],
  },
  'cp-freezing': {
    h: 'Incautación y embargo preventivo de bienes',
    b: [
      'Durante la investigación, el juez podrá ordenar el embargo preventivo o la incautación de todo bien que pueda ser objeto de decomiso.',
      'Dicha medida también podrá ordenarse a solicitud de una autoridad extranjera cuando el bien se encuentre en el territorio nacional.',
      ['El propietario y todo tercero que alegue un derecho sobre el bien podrán impugnar la orden en un plazo de {days} contados desde su notificación.', 'La medida quedará sin efecto si no se ha dictado una orden de decomiso en un plazo de {months}, salvo prórroga acordada por el tribunal.'],
    ],
  },
  'cp-search': {
    h: 'Registro e incautación',
    b: [
      'La policía judicial podrá registrar locales y vehículos en virtud de una orden judicial, en presencia del ocupante o de dos testigos.',
      'Los objetos y documentos que puedan servir de prueba serán incautados, inventariados y precintados, y el examen de lugares y objetos podrá encomendarse a peritos.',
      ['El ocupante recibirá copia del acta del registro.', 'Los registros nocturnos solo se autorizarán respecto de delitos graves cometidos por grupos delictivos organizados.'],
    ],
  },
  'cp-victims': {
    h: 'Derechos de las víctimas',
    b: [
      'Las víctimas serán informadas de sus derechos, de la marcha del proceso y de la puesta en libertad del autor del delito.',
      'Podrán constituirse en parte civil y reclamar una indemnización, y sus opiniones y preocupaciones se presentarán y examinarán en las etapas apropiadas del proceso.',
      ['Las víctimas tendrán derecho a asistencia jurídica gratuita y a la asistencia de un intérprete.', 'El tribunal podrá oír a una víctima en ausencia del acusado cuando su protección así lo exija.'],
    ],
  },
  'cp-jit': {
    h: 'Equipos conjuntos de investigación',
    b: [
      'El fiscal podrá acordar con las autoridades competentes de uno o más Estados la creación de un equipo conjunto de investigación con un fin determinado y por un plazo limitado.',
      'Los miembros del equipo procedentes de otros Estados podrán estar presentes en las diligencias de investigación que se practiquen en el territorio nacional.',
      ['La información obtenida lícitamente por el equipo podrá utilizarse para los fines para los que se creó el equipo.', 'El acuerdo de creación del equipo determinará su composición, duración, dirección y la distribución de los gastos.'],
    ],
  },
  'cp-transfer-proceedings': {
    h: 'Remisión de actuaciones penales',
    b: [
      'Cuando ello redunde en beneficio de la debida administración de justicia, en particular cuando intervengan varias jurisdicciones, el fiscal podrá solicitar a un Estado extranjero que asuma el ejercicio de la acción penal por un delito.',
      'Del mismo modo podrán asumirse actuaciones a solicitud de un Estado extranjero cuando el investigado sea nacional o resida habitualmente en el territorio nacional.',
      ['Las pruebas obtenidas en el Estado requirente tendrán el mismo valor que si hubieran sido obtenidas por las autoridades nacionales.', 'Una vez asumidas las actuaciones, se suspenderá la acción penal en el Estado requirente.'],
    ],
  },
  'mla-scope': {
    h: 'Alcance de la asistencia judicial recíproca',
    b: [
      'Las autoridades competentes prestarán la más amplia asistencia judicial recíproca en las investigaciones, los procesos y las actuaciones judiciales relacionados con delitos, incluidos aquellos de los que pueda ser responsable una persona jurídica.',
      'La asistencia podrá solicitarse para recibir testimonios o tomar declaración a personas, presentar documentos judiciales, efectuar inspecciones, incautaciones y embargos preventivos, examinar objetos y lugares, proporcionar información, elementos de prueba, evaluaciones de peritos y documentos, identificar o localizar el producto del delito, facilitar la comparecencia voluntaria de personas y prestar cualquier otro tipo de asistencia compatible con el derecho interno.',
    ],
  },
  'mla-central-authority': {
    h: 'Autoridad central',
    b: [
      '{Authority} es la autoridad central encargada de recibir solicitudes de asistencia judicial recíproca y facultada para darles cumplimiento o para transmitirlas a las autoridades competentes para su ejecución.',
      'La autoridad central velará por el rápido y adecuado cumplimiento o transmisión de las solicitudes y podrá comunicarse directamente con las autoridades centrales de otros Estados.',
      ['En situaciones de urgencia, las solicitudes podrán transmitirse por conducto de la Organización Internacional de Policía Criminal (INTERPOL).', 'La autoridad central llevará un registro de las solicitudes recibidas y enviadas y de las medidas adoptadas al respecto.'],
    ],
  },
  'mla-convention-basis': {
    h: 'Fundamento jurídico de la asistencia',
    b: [
      'La asistencia judicial recíproca podrá prestarse sobre la base de un tratado, de la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional o de otra convención multilateral en la que el Estado sea parte o, a falta de tratado, sobre la base de la reciprocidad.',
      'Cuando no haya un tratado en vigor con el Estado requirente, los párrafos 9 a 29 del artículo 18 de dicha Convención se aplicarán a las solicitudes formuladas con arreglo a ella.',
    ],
  },
  'mla-request-content': {
    h: 'Contenido de las solicitudes',
    b: [
      'La solicitud indicará la autoridad que la formula, el objeto y la índole de las investigaciones, los procesos o las actuaciones y la autoridad encargada de ellos, un resumen de los hechos pertinentes, salvo cuando se trate de solicitudes de presentación de documentos judiciales, la asistencia solicitada y cualquier procedimiento particular que se desee aplicar, de ser posible la identidad, ubicación y nacionalidad de toda persona interesada, y la finalidad de la solicitud.',
      'La autoridad central podrá pedir información adicional cuando sea necesaria para dar cumplimiento a la solicitud.',
    ],
  },
  'mla-language': {
    h: 'Idioma y forma de las solicitudes',
    b: [
      'Las solicitudes se presentarán por escrito o por cualquier medio capaz de registrar un texto escrito, en el idioma oficial o en otro idioma aceptable para la autoridad central, en condiciones que permitan verificar su autenticidad.',
      'En situaciones de urgencia, las solicitudes podrán hacerse oralmente, debiendo ser confirmadas por escrito en un plazo de {days}.',
    ],
  },
  'mla-refusal': {
    h: 'Motivos de denegación',
    b: [
      'La asistencia podrá denegarse si la solicitud no se ajusta a la ley, si su cumplimiento puede menoscabar la soberanía, la seguridad, el orden público u otros intereses fundamentales del Estado, o si la medida solicitada estaría prohibida respecto de un delito análogo con arreglo al derecho interno.',
      'La asistencia se denegará cuando haya motivos fundados para creer que la solicitud tiene por objeto enjuiciar o castigar a una persona por razón de su sexo, raza, religión, nacionalidad, origen étnico u opiniones políticas.',
      ['La asistencia no podrá denegarse invocando el secreto bancario ni por la sola razón de que el delito también entraña cuestiones tributarias.', 'Cuando la solicitud no entrañe medidas coercitivas, la asistencia podrá prestarse aun en ausencia de doble incriminación.'],
      'Toda denegación deberá fundamentarse.',
    ],
  },
  'mla-confidentiality': {
    h: 'Confidencialidad y limitación del uso',
    b: [
      'A petición del Estado requirente, la autoridad central mantendrá reserva acerca de la existencia y el contenido de la solicitud, salvo en la medida necesaria para darle cumplimiento. Si ello no fuera posible, se informará sin demora al Estado requirente.',
      'La información o las pruebas proporcionadas por un Estado extranjero no se utilizarán en actuaciones distintas de las indicadas en su solicitud sin su previo consentimiento, salvo que se trate de información que sea exculpatoria para una persona acusada.',
    ],
  },
  'mla-evidence': {
    h: 'Obtención de pruebas y notificación de documentos',
    b: [
      'Las solicitudes de declaración de testigos, peritos o investigados, o de notificación de documentos judiciales, se cumplirán de conformidad con el derecho interno y, en la medida en que no lo contravenga, con los procedimientos especificados en la solicitud.',
      'Los representantes de la autoridad requirente podrán, con el consentimiento del juez competente, asistir al cumplimiento de la solicitud y formular preguntas por intermedio del juez.',
      ['La prueba de la notificación consistirá en un recibo fechado y firmado por el destinatario o en una declaración de la autoridad que haya efectuado la notificación.', 'Las declaraciones se harán constar por escrito y serán firmadas por la persona oída, el juez y, en su caso, el intérprete.'],
    ],
  },
  'mla-records': {
    h: 'Documentos, información y evaluaciones de peritos',
    b: [
      'Previa solicitud, las autoridades competentes entregarán originales o copias certificadas de los documentos y expedientes pertinentes, incluida la documentación pública, bancaria, financiera, social o comercial, así como información, elementos de prueba y evaluaciones de peritos.',
      'Las instituciones financieras cumplirán en un plazo de {days} toda orden de presentación de documentos dictada para dar cumplimiento a una solicitud, sin que pueda oponerse el secreto bancario.',
    ],
  },
  'mla-transfer-detained': {
    h: 'Traslado de personas detenidas para prestar testimonio',
    b: [
      'La persona que se encuentre detenida o cumpliendo una condena en el territorio nacional y cuya presencia se solicite en otro Estado a efectos de identificación, testimonio u otro tipo de asistencia podrá ser trasladada si da su libre consentimiento con conocimiento de causa y si las autoridades competentes de ambos Estados están de acuerdo.',
      'El Estado al que se traslade a la persona la mantendrá detenida y la devolverá tan pronto como se haya practicado la prueba, y el tiempo que haya permanecido detenida en el extranjero se computará como parte de la pena que esté cumpliendo.',
    ],
  },
  'mla-spontaneous': {
    h: 'Transmisión espontánea de información',
    b: [
      'Sin que medie solicitud previa, las autoridades competentes podrán transmitir información relativa a cuestiones penales a una autoridad competente de otro Estado si creen que esa información podría ayudarla a emprender o concluir con éxito indagaciones y procesos penales o podría dar lugar a una solicitud de asistencia.',
      'Podrá pedirse a la autoridad receptora que mantenga reserva sobre la información o que respete restricciones sobre su utilización.',
    ],
  },
  'mla-urgent': {
    h: 'Solicitudes urgentes y seguimiento del cumplimiento',
    b: [
      'Las solicitudes relativas a personas privadas de libertad, a la conservación de pruebas o al embargo preventivo de activos que puedan desaparecer se cumplirán con carácter prioritario.',
      'La autoridad central responderá a las solicitudes razonables que formule el Estado requirente respecto de la marcha de las gestiones relativas a su solicitud.',
      'Antes de aplazar el cumplimiento de una solicitud por perturbar una investigación en curso, la autoridad central consultará al Estado requirente para considerar si es posible prestar la asistencia con sujeción a condiciones.',
    ],
  },
};
