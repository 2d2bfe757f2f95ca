import { useTranslation } from 'react-i18next';

/** Placeholder of a section whose capability has not landed yet. */
export function ComingSoonView({ section }: { section: 'supervisor' | 'innovation' }) {
  const { t } = useTranslation();
  return (
    <div className="coming-soon" data-testid={`soon-${section}`}>
      <span className="badge">{t('nav.soon')}</span>
      <p>{t(`soon.${section}`)}</p>
    </div>
  );
}
