import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceName } from '../../core/sql/places';
import { DateField } from '../../core/ui/DateField';
import { useUnavailable } from '../../core/ui/table-status';
import { ChannelSelect } from './ChannelSelect';
import { type AgentFilter, NO_FILTERS, type PlannerFilters, type StatusFilter } from './data/planner-queries';

interface FilterControlsProps {
  filters: PlannerFilters;
  places: PlaceName[];
  onChange: (filters: PlannerFilters) => void;
}

const DECILES = Array.from({ length: 10 }, (_, i) => i + 1);
const AGENTS: readonly AgentFilter[] = ['all', 'asn', 'pppk', 'none'];
const STATUSES: readonly StatusFilter[] = ['all', 'dilaporkan', 'ditangani', 'selesai'];

interface ChoiceFieldProps<T extends string> {
  label: string;
  testId: string;
  value: T;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  onChange: (choice: T) => void;
  /** Why the choice cannot be made (its table is missing): the select is then disabled and says so. */
  unavailable?: string | null;
}

/** A labelled select over a fixed set of choices. */
function ChoiceField<T extends string>({
  label,
  testId,
  value,
  choices,
  labelOf,
  onChange,
  unavailable = null,
}: ChoiceFieldProps<T>) {
  return (
    <label className="field grow">
      <span>{label}</span>
      <select
        data-testid={testId}
        value={value}
        disabled={unavailable !== null}
        title={unavailable ?? undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {labelOf(c)}
          </option>
        ))}
      </select>
      {unavailable && <span className="muted">{unavailable}</span>}
    </label>
  );
}

/** Kecamatan, village, welfare decile, agent type, case status, referral channel and report dates. */
export const FilterControls = memo(function FilterControls({
  filters,
  places,
  onChange,
}: FilterControlsProps) {
  const { t } = useTranslation();
  const na = useUnavailable();
  const set = (patch: Partial<PlannerFilters>) => onChange({ ...filters, ...patch });
  const districts = [...new Map(places.map((p) => [p.district_code, p.district_name])).entries()];
  const villages = places.filter((p) => !filters.district || p.district_code === filters.district);
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <section className="control-group filters" aria-label={t('planner.filters.title')}>
      <div className="row">
        <label className="field grow">
          <span>{t('planner.filters.district')}</span>
          <select
            data-testid="filter-district"
            value={filters.district ?? ''}
            onChange={(e) => set({ district: e.target.value || null, village: null })}
          >
            <option value="">{t('planner.filters.all')}</option>
            {districts.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('planner.filters.village')}</span>
          <select
            data-testid="filter-village"
            value={filters.village ?? ''}
            onChange={(e) => set({ village: e.target.value || null })}
          >
            <option value="">{t('planner.filters.all')}</option>
            {villages.map((v) => (
              <option key={v.village_code} value={v.village_code}>
                {v.village_name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label className="field">
          <span>{t('planner.filters.decile')}</span>
          <span className="pair">
            <select
              data-testid="filter-decile-min"
              disabled={na(['households']) !== null}
              title={na(['households']) ?? undefined}
              aria-label={t('planner.filters.decileMin')}
              value={filters.decileMin}
              onChange={(e) => set({ decileMin: Math.min(Number(e.target.value), filters.decileMax) })}
            >
              {DECILES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            –
            <select
              data-testid="filter-decile-max"
              disabled={na(['households']) !== null}
              title={na(['households']) ?? undefined}
              aria-label={t('planner.filters.decileMax')}
              value={filters.decileMax}
              onChange={(e) => set({ decileMax: Math.max(Number(e.target.value), filters.decileMin) })}
            >
              {DECILES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </span>
        </label>
        <ChoiceField
          label={t('planner.filters.agent')}
          testId="filter-agent"
          value={filters.agent}
          choices={AGENTS}
          labelOf={(a) => t(`planner.agent.${a}`)}
          onChange={(agent) => set({ agent })}
          unavailable={na(['agents'])}
        />
      </div>
      <div className="row">
        <ChoiceField
          label={t('planner.filters.status')}
          testId="filter-status"
          value={filters.status}
          choices={STATUSES}
          labelOf={(s) => t(`planner.status.${s}`)}
          onChange={(status) => set({ status })}
          unavailable={na(['cases'])}
        />
        <ChannelSelect value={filters.channel} onChange={(channel) => set({ channel })} />
      </div>
      {/* Aligned at the top: a message under one date does not move the other. */}
      <div className="row top">
        <DateField
          className="grow"
          label={t('planner.filters.from')}
          testId="filter-from"
          disabled={na(['cases']) !== null}
          value={filters.from}
          onChange={(from) => set({ from })}
        />
        <DateField
          className="grow"
          label={t('planner.filters.to')}
          testId="filter-to"
          disabled={na(['cases']) !== null}
          value={filters.to}
          onChange={(to) => set({ to })}
        />
      </div>
      <p className="muted">{t('planner.filters.casesNote')}</p>
      {active && (
        <button
          type="button"
          className="secondary"
          data-testid="filter-reset"
          onClick={() => onChange(NO_FILTERS)}
        >
          {t('planner.filters.reset')}
        </button>
      )}
    </section>
  );
});
