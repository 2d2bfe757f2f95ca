import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../core/ui/use-format';
import { LANGUAGES, type Language, setLanguage } from '../i18n';

export type Section = 'planner' | 'supervisor' | 'innovation';
export const SECTIONS: readonly Section[] = ['planner', 'supervisor', 'innovation'];

interface HeaderProps {
  section: Section;
  onSection: (section: Section) => void;
  datasetName: string | null;
  /** `YYYY-MM-DD` date of the data, when its source states one. */
  datasetDate: string | null;
  synthetic: boolean;
  /** Dataset switcher, import and erase controls. */
  datasetControls?: ReactNode;
}

export function Header(props: HeaderProps) {
  const { section, onSection, datasetName, datasetDate, synthetic, datasetControls } = props;
  const { t, i18n } = useTranslation();
  const f = useFormat();
  // On a phone the dataset controls and the language fold behind one button (the dataset's name stays).
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      <nav className="sections" aria-label="sections">
        {SECTIONS.map((s) => (
          <button
            key={s}
            type="button"
            data-testid={`nav-${s}`}
            aria-current={s === section ? 'page' : undefined}
            className={s === section ? 'active' : ''}
            onClick={() => onSection(s)}
          >
            {t(`nav.${s}`)}
          </button>
        ))}
      </nav>
      <div
        className="dataset"
        data-testid="dataset-name"
        title={synthetic ? t('dataset.syntheticNote') : undefined}
      >
        <span className="label">{t('dataset.label')}:</span>{' '}
        {datasetName === null ? (
          '…'
        ) : synthetic ? (
          <strong className="synthetic">{t('dataset.synthetic')}</strong>
        ) : (
          <>
            <bdi>{datasetName}</bdi>
            {datasetDate && <span className="dataset-date"> · {f.date(datasetDate)}</span>}
          </>
        )}
      </div>
      <button
        type="button"
        className="menu-toggle"
        data-testid="header-menu"
        aria-expanded={menuOpen}
        aria-controls="header-tools"
        onClick={() => setMenuOpen((o) => !o)}
        aria-label={t('header.menu')}
        title={t('header.menu')}
      >
        ☰
      </button>
      <div id="header-tools" className={`header-tools${menuOpen ? ' open' : ''}`}>
        {datasetControls}
        <label className="language">
          <span className="visually-hidden">{t('language.label')}</span>
          <select
            data-testid="language"
            value={i18n.language}
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {t(`language.${lang}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
