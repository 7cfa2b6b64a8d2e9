/**
 * Plausible, invented names for demo persons, by the partner State's region and language: the demo
 * shows Latin, Cyrillic, Arabic and Chinese scripts as a real caseload would.
 */
import type { CaseRng } from './random.js';

interface NamePool {
  family: readonly string[];
  given: readonly string[];
}

const POOLS: Record<string, NamePool> = {
  romance: { family: ['Rossi', 'Bianchi', 'García', 'Martínez', 'Dubois', 'Lefèvre', 'Moreau', 'Silva', 'Costa', 'Ferreira', 'Romano', 'Navarro'], given: ['Marco', 'Giulia', 'Lucía', 'Javier', 'Camille', 'Étienne', 'Inês', 'João', 'Chiara', 'Mateo'] },
  germanic: { family: ['Müller', 'Schneider', 'Fischer', 'de Vries', 'Jansen', 'Andersson', 'Nielsen', 'Smith', 'Taylor', 'Brown', "O'Connor"], given: ['Lukas', 'Anna', 'Sven', 'Ingrid', 'Pieter', 'Emma', 'James', 'Olivia', 'Liam', 'Freya'] },
  slavic: { family: ['Иванов', 'Петрова', 'Смирнов', 'Kowalski', 'Nowak', 'Novák', 'Шевченко', 'Horvat', 'Popescu', 'Kovačević'], given: ['Алексей', 'Ольга', 'Дмитрий', 'Piotr', 'Agnieszka', 'Tomáš', 'Оксана', 'Ivana', 'Andrei', 'Milan'] },
  arabic: { family: ['الحسن', 'بن علي', 'المنصوري', 'Haddad', 'El Amrani', 'Benali', 'الشامي', 'Khalil', 'Mansour', 'النجار'], given: ['محمد', 'فاطمة', 'أحمد', 'Youssef', 'Leila', 'Karim', 'سارة', 'Omar', 'Nadia', 'خالد'] },
  chinese: { family: ['王', '李', '张', '刘', '陈', 'Wang', 'Li', 'Zhang', '黄', '赵'], given: ['伟', '芳', '娜', '敏', '静', 'Wei', 'Fang', 'Jun', '磊', '洋'] },
  african: { family: ['Okafor', 'Mensah', 'Diallo', 'Kamau', 'Ndlovu', 'Traoré', 'Mwangi', 'Adeyemi', 'Sow', 'Banda'], given: ['Chinedu', 'Ama', 'Mamadou', 'Wanjiru', 'Thabo', 'Aïssata', 'Kofi', 'Ngozi', 'Fatou', 'Tendai'] },
  asian: { family: ['Tanaka', 'Suzuki', 'Kim', 'Park', 'Nguyen', 'Tran', 'Sharma', 'Patel', 'Santos', 'Reyes', 'Wijaya'], given: ['Hiroshi', 'Yuki', 'Min-jun', 'Ji-woo', 'Anh', 'Linh', 'Priya', 'Arjun', 'Maria', 'Budi'] },
  latin: { family: ['González', 'Rodríguez', 'Pérez', 'Gómez', 'Souza', 'Oliveira', 'Hernández', 'Torres', 'Ramírez', 'Castro'], given: ['José', 'María', 'Carlos', 'Ana', 'Luis', 'Gabriela', 'Pedro', 'Camila', 'Diego', 'Valentina'] },
};

const BY_COUNTRY: Record<string, keyof typeof POOLS> = {
  FRA: 'romance', ITA: 'romance', ESP: 'romance', PRT: 'romance', BEL: 'romance', CHE: 'germanic', ROU: 'slavic',
  DEU: 'germanic', AUT: 'germanic', NLD: 'germanic', SWE: 'germanic', DNK: 'germanic', NOR: 'germanic', GBR: 'germanic', IRL: 'germanic', USA: 'germanic', CAN: 'germanic', AUS: 'germanic', NZL: 'germanic',
  RUS: 'slavic', UKR: 'slavic', POL: 'slavic', CZE: 'slavic', HRV: 'slavic', SRB: 'slavic', BLR: 'slavic', KAZ: 'slavic', BGR: 'slavic',
  CHN: 'chinese', HKG: 'chinese', TWN: 'chinese', SGP: 'chinese',
  JPN: 'asian', KOR: 'asian', VNM: 'asian', IND: 'asian', PHL: 'asian', IDN: 'asian', THA: 'asian', MYS: 'asian', PAK: 'asian',
};

const BY_REGION: Record<string, keyof typeof POOLS> = { '002': 'african', '019': 'latin', '142': 'asian', '150': 'germanic', '009': 'germanic' };
const ARAB = new Set(['EGY', 'MAR', 'DZA', 'TUN', 'LBY', 'SAU', 'ARE', 'JOR', 'LBN', 'SYR', 'IRQ', 'QAT', 'KWT', 'OMN', 'BHR', 'YEM', 'SDN']);

export function personName(rng: CaseRng, country: string, region: string | null): { family_name: string; given_names: string } {
  const pool = POOLS[ARAB.has(country) ? 'arabic' : (BY_COUNTRY[country] ?? BY_REGION[region ?? ''] ?? 'romance')]!;
  return { family_name: rng.pick(pool.family), given_names: rng.chance(0.9) ? rng.pick(pool.given) : '' };
}
