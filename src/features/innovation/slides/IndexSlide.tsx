/** The index slide: IID and its category, what each category means in numbers, the variables' scores. */
import { useTranslation } from 'react-i18next';
import { ResponsiveContainer } from 'recharts';
import { useFormat } from '../../../core/ui/use-format';
import { variableChart } from '../charts';
import { categoryBands, toNextCategory } from '../data/category-bands';
import { round2 } from '../data/innovation-index';
import { categoryColor } from '../IndexPanels';
import type { DeckData } from './deck';

export function IndexSlide({ data, fontSize }: { data: DeckData; fontSize: number }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  const { rubric, result } = data;
  const two = (n: number) => f.fixed(round2(n), 2);
  const name = (c: { name: string; nameEn: string }) => (en ? c.nameEn : c.name);
  const next = toNextCategory(rubric, result);
  return (
    <div className="slide-body">
      <h2>{t('innovation.summary.title', { year: rubric.year })}</h2>
      <div className="slide-index">
        <div>
          <div className="slide-iid" data-testid="slide-iid">
            {two(result.iid)}
          </div>
          <div
            className="category-badge big"
            style={{ background: categoryColor(rubric, result.category.id) }}
          >
            {name(result.category)}
          </div>
          <p>
            SPD {two(result.spd)} · SID {two(result.sid)} · {t('innovation.summary.total')}{' '}
            {two(result.total)} / {f.int(result.maxTotal)}
          </p>
          <p data-testid="slide-next-category">
            {next
              ? t('innovation.present.toNext', { points: two(next.points), category: name(next.category) })
              : t('innovation.present.top')}
          </p>
          <ul className="slide-bands" data-testid="slide-bands">
            {categoryBands(rubric).map((b) => (
              <li key={b.category.id} className={b.category.id === result.category.id ? 'current' : ''}>
                <span className="swatch" style={{ background: categoryColor(rubric, b.category.id) }} />
                <strong>{name(b.category)}</strong>:{' '}
                {b.to === null
                  ? t('innovation.present.bandFrom', { from: two(b.from) })
                  : b.from === b.to
                    ? two(b.from)
                    : t('innovation.present.band', { from: two(b.from), to: two(b.to) })}
              </li>
            ))}
          </ul>
          {data.exampleValues && <p className="slide-warning">{t('innovation.example.short')}</p>}
        </div>
        <div className="slide-chart">
          <ResponsiveContainer width="100%" height="100%">
            {variableChart(
              result,
              null,
              { saved: t('innovation.present.variableScore'), whatIf: '' },
              (v) => (en ? v.nameEn : v.name),
              f.dec,
              { fontSize },
            )}
          </ResponsiveContainer>
        </div>
      </div>
    </div>
  );
}
