/**
 * The options of a State picker: States first, then the areas with their own regime of
 * international cooperation (Hong Kong SAR, Macao SAR) in a group labelled as such. Callers pass
 * only the places a request can be addressed to (reference: isRequestable); areas that are
 * neither are never offered. Names sorted in the reader's language.
 */
import type { Lang } from '../i18n/languages.js';
import { translator } from '../i18n/messages.js';
import { common } from './common.messages.js';

export interface PickablePlace {
  iso3: string;
  kind: string;
}

export function PlaceOptions(props: { lang: Lang; places: readonly PickablePlace[]; label: (iso3: string) => string; selected?: string | readonly string[] }) {
  const t = translator(common, props.lang);
  const isSelected = (iso3: string) => (typeof props.selected === 'string' ? props.selected === iso3 : (props.selected ?? []).includes(iso3));
  const sorted = [...props.places].map((p) => ({ ...p, name: props.label(p.iso3) })).sort((a, b) => a.name.localeCompare(b.name, props.lang));
  const group = (list: typeof sorted) =>
    list.map((p) => (
      <option value={p.iso3} selected={isSelected(p.iso3)}>
        {p.name}
      </option>
    ));
  const areas = sorted.filter((p) => p.kind === 'area_own_regime');
  const states = sorted.filter((p) => p.kind !== 'area_own_regime');
  if (!areas.length) return <>{group(states)}</>;
  return (
    <>
      <optgroup label={t('places_states')}>{group(states)}</optgroup>
      <optgroup label={t('places_own_regime')}>{group(areas)}</optgroup>
    </>
  );
}
