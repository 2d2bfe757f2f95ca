import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { showFirstLook } from './app/first-look-boot';
import { shippedAnswers } from './app/shipped-answers';
import { answersKept } from './core/dataset/local-store-keys';
import { FramedNotice, isFramed } from './core/ui/FramedNotice';
import { registerServiceWorker } from './pwa/register';
import './styles/base.css';
import './styles/map.css';
import './styles/controls.css';
import './styles/layout-phone.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
if (isFramed()) {
  // Framed by another page: say so and load nothing (the app's code and data are never fetched).
  document.documentElement.dataset.state = 'framed';
  createRoot(root).render(<FramedNotice />);
} else {
  // The database starts at once (its worker compiles the wasm on the other core while the page paints); the
  // loader takes the same instance and reports its failures, once. When the last visit's answers are kept, or
  // those made ahead for the server's dataset draw this page, the page is drawn from them first (remembered-load.ts)
  // and the loader starts it.
  const startDatabase = () =>
    import('./core/sql/duckdb-main').then(
      ({ startMainDuckDb }) => startMainDuckDb().catch(() => undefined),
      () => undefined,
    );
  if (!answersKept())
    void shippedAnswers().then((shipped) => {
      if (!shipped?.size) void startDatabase();
    });
  // So do the server's data files: the first load takes them (a slow link's round trips are not added up).
  import('./app/load-ahead').then(
    ({ askServerDataAhead }) => askServerDataAhead().catch(() => undefined),
    () => undefined,
  );
  // The first look (a small map, when there is one) is painted before the app's code, megabytes, arrives.
  void showFirstLook().then(() =>
    import('./app/App').then(
      ({ App }) =>
        createRoot(root).render(
          <StrictMode>
            <App />
          </StrictMode>,
        ),
      (error: unknown) => {
        document.documentElement.dataset.state = 'error';
        root.textContent = String(error);
      },
    ),
  );
  registerServiceWorker();
}
