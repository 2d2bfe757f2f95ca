import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldsByDefault } from './phone';

/**
 * A map legend floating over the map that folds (<details>): open at first on a large screen, folded on a phone
 * or a short laptop screen, where it would cover much of the map.
 */
export function FoldingLegend({
  className,
  toggleTestId,
  children,
}: {
  className?: string;
  toggleTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [openAtFirst] = useState(() => !foldsByDefault());
  return (
    <details className={className ? `map-legend-float ${className}` : 'map-legend-float'} open={openAtFirst}>
      <summary data-testid={toggleTestId}>{t('legend.toggle')}</summary>
      {children}
    </details>
  );
}
