import i18next from 'i18next';

/**
 * True when the page runs inside another page's frame (or cannot tell). A static site cannot send
 * `frame-ancestors` and a meta CSP cannot carry it, so the app itself refuses to run framed: nothing
 * of the data is loaded, and a page around it cannot overlay or read what it shows.
 */
export function isFramed(win: Window = window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}

/** What a framed copy shows instead of the dashboard, in both languages. */
export function FramedNotice() {
  const texts = (['id', 'en'] as const).map((lng) => ({ lng, t: i18next.getFixedT(lng) }));
  return (
    <main className="framed-notice" data-testid="framed-notice">
      {texts.map(({ lng, t }) => (
        <section key={lng} lang={lng}>
          <h1>{t('framed.title')}</h1>
          <p>{t('framed.body')}</p>
          <p>
            <a href={window.location.href} target="_blank" rel="noopener noreferrer">
              {t('framed.open')}
            </a>
          </p>
        </section>
      ))}
    </main>
  );
}
