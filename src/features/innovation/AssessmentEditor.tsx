import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnavailable } from '../../core/ui/table-status';
import { useFormat } from '../../core/ui/use-format';
import { newInnovation, nextInnovationId } from './data/innovation-assessment';
import {
  type Assessment,
  type IndexResult,
  type IndicatorEntry,
  indicatorsOf,
  type LevelChoice,
  levelForValue,
  type Rubric,
  type RubricIndicator,
} from './data/innovation-index';

interface EditorProps {
  rubric: Rubric;
  assessment: Assessment;
  result: IndexResult;
  /** null when a table it needs was not imported (the data level is then 0, as computeIndex counts it). */
  familiesReached: number | null;
  onChange: (next: Assessment) => void;
}

/** Self-assessment entry: the region's indicators, then each innovation's, level and evidence per row. */
export function AssessmentEditor({ rubric, assessment, result, familiesReached, onChange }: EditorProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const na = useUnavailable();
  const [open, setOpen] = useState<string | null>(assessment.innovations[0]?.id ?? null);
  const en = i18n.language === 'en';
  const variableName = (id: string) => {
    const v = rubric.variables.find((x) => x.id === id);
    return v ? (en ? v.nameEn : v.name) : id;
  };

  const setRegion = (id: string, entry: IndicatorEntry) =>
    onChange({ ...assessment, region: { ...assessment.region, [id]: entry } });
  const setInnovation = (index: number, patch: Partial<Assessment['innovations'][number]>) =>
    onChange({
      ...assessment,
      innovations: assessment.innovations.map((inv, i) => (i === index ? { ...inv, ...patch } : inv)),
    });

  const addInnovation = () => {
    const id = nextInnovationId(assessment);
    onChange({
      ...assessment,
      innovations: [...assessment.innovations, newInnovation(rubric, id, t('innovation.editor.newName'), '')],
    });
    setOpen(id);
  };

  const rows = (
    indicators: RubricIndicator[],
    entries: Record<string, IndicatorEntry>,
    set: (id: string, e: IndicatorEntry) => void,
    scope: string,
  ) => {
    let lastVariable = '';
    return indicators.flatMap((ind) => {
      const entry = entries[ind.id] ?? { level: 0, evidence: '' };
      const fill = rubric.autoFill?.find((a) => a.indicator === ind.id);
      const dataLevel = fill && familiesReached !== null ? levelForValue(fill.bands, familiesReached) : 0;
      const level = entry.level === 'data' ? dataLevel : entry.level;
      const out = [];
      if (ind.variable !== lastVariable) {
        lastVariable = ind.variable;
        out.push(
          <tr key={`${scope}-${ind.variable}`} className="variable-row">
            <td colSpan={5}>{variableName(ind.variable)}</td>
          </tr>,
        );
      }
      out.push(
        <tr key={`${scope}-${ind.id}`} data-testid={`row-${scope}-${ind.id}`}>
          <td className="text num">{ind.number}</td>
          <td className="text indicator-name">
            {en ? ind.nameEn : ind.name}
            {ind.mandatory && (
              <span className="mandatory" title={t('innovation.editor.mandatory')}>
                *
              </span>
            )}
            <div className="muted small">{t('innovation.editor.weight', { weight: f.dec(ind.weight) })}</div>
          </td>
          <td className="text">
            <select
              data-testid={`level-${scope}-${ind.id}`}
              value={String(entry.level)}
              onChange={(e) =>
                set(ind.id, {
                  ...entry,
                  level: (e.target.value === 'data' ? 'data' : Number(e.target.value)) as LevelChoice,
                })
              }
            >
              <option value="0">0 — {t('innovation.editor.notFilled')}</option>
              {ind.levels.map((l) => (
                <option key={l.level} value={l.level}>
                  {l.level} — {en ? l.labelEn : l.label}
                </option>
              ))}
              {fill && (
                <option value="data">
                  {t('innovation.editor.fromData', {
                    families: familiesReached === null ? na(['agents', 'cases']) : f.int(familiesReached),
                    level: dataLevel,
                  })}
                </option>
              )}
            </select>
          </td>
          <td>{f.dec(ind.weight * level)}</td>
          <td className="text">
            <input
              type="text"
              className="evidence"
              placeholder={t('innovation.editor.evidencePlaceholder')}
              value={entry.evidence}
              onChange={(e) => set(ind.id, { ...entry, evidence: e.target.value })}
            />
          </td>
        </tr>,
      );
      return out;
    });
  };

  const head = (
    <thead>
      <tr>
        <th className="text">{t('innovation.editor.no')}</th>
        <th className="text">{t('innovation.editor.indicator')}</th>
        <th className="text">{t('innovation.editor.level')}</th>
        <th>{t('innovation.editor.score')}</th>
        <th className="text">{t('innovation.editor.evidence')}</th>
      </tr>
    </thead>
  );

  const sid = indicatorsOf(rubric, 'sid');
  return (
    <div className="assessment-editor">
      <section className="card">
        <h3>
          {t('innovation.editor.regionTitle')}{' '}
          <span className="muted">
            {f.dec(result.spd)} / {f.int(rubric.maxima.spd)}
          </span>
        </h3>
        <table className="data-table editor-table" data-testid="region-table">
          {head}
          <tbody>{rows(indicatorsOf(rubric, 'spd'), assessment.region, setRegion, 'spd')}</tbody>
        </table>
      </section>
      <section className="card">
        <h3>
          {t('innovation.editor.innovationsTitle', { count: assessment.innovations.length })}{' '}
          <span className="muted">
            {t('innovation.editor.divisorNote', {
              divisor: result.divisor,
              minimum: rubric.divisor.minimum,
            })}
          </span>
        </h3>
        <ul className="innovation-list" data-testid="innovation-list">
          {assessment.innovations.map((inv, index) => {
            const score = result.perInnovation[index]?.score ?? 0;
            const isOpen = open === inv.id;
            return (
              <li key={inv.id} className={isOpen ? 'open' : ''} data-testid="innovation-item">
                <div className="innovation-head">
                  <button
                    type="button"
                    className="link"
                    aria-expanded={isOpen}
                    onClick={() => setOpen(isOpen ? null : inv.id)}
                  >
                    {isOpen ? '▾' : '▸'} {inv.id}
                  </button>
                  <input
                    type="text"
                    className="innovation-name"
                    aria-label={t('innovation.editor.name')}
                    value={inv.name}
                    onChange={(e) => setInnovation(index, { name: e.target.value })}
                  />
                  <input
                    type="text"
                    className="innovation-affair"
                    list="iid-affairs"
                    aria-label={t('innovation.editor.affair')}
                    placeholder={t('innovation.editor.affair')}
                    value={inv.affair}
                    onChange={(e) => setInnovation(index, { affair: e.target.value })}
                  />
                  <span className="score" data-testid="innovation-score">
                    {f.dec(score)} / {f.int(rubric.maxima.sidIndicators)}
                  </span>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() =>
                      onChange({
                        ...assessment,
                        innovations: assessment.innovations.filter((_, i) => i !== index),
                      })
                    }
                  >
                    {t('innovation.editor.remove')}
                  </button>
                </div>
                {isOpen && (
                  <table className="data-table editor-table">
                    {head}
                    <tbody>
                      {rows(
                        sid,
                        inv.indicators,
                        (id, e) => setInnovation(index, { indicators: { ...inv.indicators, [id]: e } }),
                        inv.id,
                      )}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ul>
        <datalist id="iid-affairs">
          {(rubric.basicServices ?? []).map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <button type="button" className="secondary" data-testid="add-innovation" onClick={addInnovation}>
          {t('innovation.editor.add')}
        </button>
      </section>
    </div>
  );
}
