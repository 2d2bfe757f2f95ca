import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirstLook as Look } from '../core/first-look/first-look';
import { VIEW_WIDTH } from '../core/first-look/first-look-paths';
import { LOCALE } from '../i18n';
import '../styles/first-look.css';

/** Where the map shown comes from: this browser's last visit, or the demo's own opening map. */
export type FirstLookOrigin = 'visit' | 'demo';

/**
 * The map of the last visit (or the demo's opening map, on a first visit), over the page while the database and
 * the data load: its areas' colours and legend as they were drawn then, said to be from then, and that the
 * latest data is on its way. Marks `gancang:first-look-drawn` and `<html data-first-look="shown">` once painted.
 */
export function FirstLook({
  look,
  origin,
  onPainted,
}: {
  look: Look;
  origin: FirstLookOrigin;
  /** Called once the map is on screen. */
  onPainted?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = LOCALE[i18n.language === 'en' ? 'en' : 'id'];
  const when =
    origin === 'visit'
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(look.savedAt),
        )
      : '';
  useEffect(() => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        document.documentElement.dataset.firstLook = 'shown';
        performance.mark('gancang:first-look-drawn');
        onPainted?.();
      }),
    );
  }, [onPainted]);
  return (
    <div className="first-look" data-testid="first-look" aria-busy="true">
      <header className="first-look-bar">
        <strong>Gancang Pikat</strong>
        <span className="first-look-dataset" title={look.synthetic ? t('dataset.syntheticNote') : undefined}>
          {t('dataset.label')}:{' '}
          {look.synthetic ? (
            <strong className="badge synthetic">{t('dataset.synthetic')}</strong>
          ) : (
            <bdi>{look.datasetName}</bdi>
          )}
        </span>
      </header>
      <p className="first-look-caption" role="status">
        {origin === 'visit' ? t('firstLook.caption', { when }) : t('firstLook.demoCaption')}
        {/* Said here too once the bar is hidden below the app's header (whose dataset is not known yet). */}
        {look.synthetic && (
          <strong className="badge synthetic first-look-caption-badge">{t('dataset.synthetic')}</strong>
        )}
      </p>
      <svg
        className="first-look-map"
        viewBox={`0 0 ${VIEW_WIDTH} ${look.height}`}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-label={`${t('firstLook.label')}: ${look.title}`}
      >
        {look.areas.map((area, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the kept areas never change order while shown
          <path key={i} d={area.d} fill={area.fill} fillRule="evenodd" />
        ))}
      </svg>
      <section className="first-look-legend" aria-label={look.title}>
        <h3>{look.title}</h3>
        <ul>
          {look.legend.map((item) => (
            <li key={`${item.color}:${item.label}`}>
              <span className="swatch" style={{ background: item.color }} />
              {item.label}
            </li>
          ))}
        </ul>
        <p className="first-look-wait">{t('firstLook.wait')}</p>
      </section>
    </div>
  );
}
