import { useTranslation } from 'react-i18next';
import { dismissNotice, useSettingsNotices } from './settings-notices';
import './settings-notices.css';

/** Settings from the link that could not be used, each naming the setting and what is shown instead. */
export function SettingsNotices() {
  const { t } = useTranslation();
  const notices = useSettingsNotices();
  if (notices.length === 0) return null;
  return (
    <section className="settings-notices" role="status" aria-label={t('states.notice.title')}>
      <strong>{t('states.notice.title')}</strong>
      <ul>
        {notices.map((n) => (
          <li key={n.id} data-testid="settings-notice" data-key={n.key}>
            <span>{t(`states.notice.${n.key}`, n.params)}</span>
            <button
              type="button"
              className="secondary"
              data-testid="settings-notice-dismiss"
              aria-label={t('states.notice.dismiss')}
              title={t('states.notice.dismiss')}
              onClick={() => dismissNotice(n.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
