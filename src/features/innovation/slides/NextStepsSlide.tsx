/** "Langkah berikutnya": what the figures ask of the programme next, each step with its figure. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/ui/use-format';
import { type NextStep, nextSteps } from '../data/next-steps';
import type { DeckData } from './deck';

export function NextStepsSlide({ data }: { data: DeckData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const steps = nextSteps(data.published, data.channels);
  const text = (s: NextStep): string => {
    switch (s.kind) {
      case 'coverage':
        return t('innovation.next.coverage', { district: s.district, pct: f.pct(s.pct) });
      case 'unreached':
        return t('innovation.next.unreached', { families: f.int(s.families) });
      case 'slowNeed':
        return t('innovation.next.slowNeed', {
          need: t(`measure.${s.need}`, s.need),
          pct: f.pct(s.resolvedPct),
          open: f.int(s.open),
        });
      case 'slowDistrict':
        return t('innovation.next.slowDistrict', { district: s.district, days: f.int(s.days) });
      case 'channel':
        return t('innovation.next.channel', { channel: s.channel, open: f.int(s.open) });
    }
  };
  return (
    <div className="slide-body">
      <h2>{t('innovation.next.title')}</h2>
      {steps.length === 0 ? (
        <p className="slide-note">{t('innovation.next.none')}</p>
      ) : (
        <ol className="slide-steps" data-testid="slide-steps">
          {steps.map((s) => (
            <li key={s.kind}>{text(s)}</li>
          ))}
        </ol>
      )}
      <p className="slide-small">{t('innovation.next.basis')}</p>
    </div>
  );
}
