import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../dataset/loaded-context';

/** Says where the village boundaries come from; loud when they are only approximate. */
export function BoundaryNotice() {
  const { boundaries } = useLoadedData();
  const { t } = useTranslation();
  if (boundaries.kind === 'approximate') {
    return (
      <div className="notice warning" data-testid="boundary-notice" title={t('boundaries.approximateHelp')}>
        {t('boundaries.approximate')}
      </div>
    );
  }
  const problems = boundaries.issues.length + boundaries.missing.length;
  // Installed boundaries are named in words (never the server's file path); an imported file by the user's own
  // file name, as it stands (not translated).
  const imported = boundaries.kind === 'imported';
  const words = t(imported ? 'boundaries.imported' : 'boundaries.official');
  const issues = problems > 0 ? ` · ${t('boundaries.issues', { count: problems })}` : '';
  const file = imported ? ` ${boundaries.sourceUrl ?? ''}` : '';
  return (
    <div className="notice" data-testid="boundary-source" title={`${words}${file}${issues}`}>
      {words}
      {imported && (
        <>
          {' '}
          <bdi translate="no">{boundaries.sourceUrl}</bdi>
        </>
      )}
      {issues}
    </div>
  );
}
