import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../core/export/download';
import { useTableStatus } from '../../core/ui/table-status';
import type { ChannelTable } from './data/channel-results';
import type { IndexResult, Rubric } from './data/innovation-index';
import type { ProgrammeResults } from './data/innovation-programme';
import { publishProgramme } from './data/programme-suppression';
import type { SheetContext } from './map-sheet';
import { type DeckData, SLIDES, type Slide } from './slides/deck';
import { SlideView } from './slides/SlideView';
import { afterPaint, deckPdf, slidePng } from './slides/slide-export';

interface PresentationProps {
  rubric: Rubric;
  result: IndexResult;
  exampleValues: boolean;
  programme: ProgrammeResults;
  channels: ChannelTable | null;
  sheet: SheetContext;
  onClose: () => void;
}

/**
 * Full-screen slides from live data: arrows/PageUp/PageDown/Space/Home/End to move, F for full screen, Esc to
 * leave; each slide saved as a 1920×1080 PNG, the whole deck as a PDF (drawn in a hidden 1920×1080 frame).
 */
export function Presentation({ onClose, ...props }: PresentationProps) {
  const { t } = useTranslation();
  const tables = useTableStatus();
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const slide = SLIDES[index] as Slide;
  const data: DeckData = { ...props, published: publishProgramme(props.programme), tables };
  const move = useCallback(
    (d: number) => setIndex((i) => Math.max(0, Math.min(SLIDES.length - 1, i + d))),
    [],
  );

  // The export frame: a slide put there resolves `drawn` once it is on the page.
  const stage = useRef<HTMLDivElement>(null);
  const [staged, setStaged] = useState<{ slide: Slide; n: number } | null>(null);
  const drawn = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (staged) drawn.current?.();
  }, [staged]);
  const show = async (s: Slide): Promise<HTMLElement> => {
    await new Promise<void>((resolve) => {
      drawn.current = resolve;
      setStaged((old) => ({ slide: s, n: (old?.n ?? 0) + 1 }));
    });
    await afterPaint();
    if (!stage.current) throw new Error('slide frame missing');
    return stage.current;
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setStaged(null);
      setBusy(false);
      root.current?.focus();
    }
  };
  const savePng = () =>
    run(async () => saveBlob(`slide-${index + 1}-${slide}-1920x1080.png`, await slidePng(await show(slide))));
  const savePdf = () =>
    run(async () =>
      saveBlob(
        'presentasi-gancang-pikat.pdf',
        await deckPdf(SLIDES.length, (i) => show(SLIDES[i] as Slide), {
          title: t('innovation.present.heading'),
          subject: t('innovation.present.subheading'),
        }),
      ),
    );

  useEffect(() => {
    const el = root.current;
    el?.focus();
    if (el?.requestFullscreen && !document.fullscreenElement)
      void el.requestFullscreen().catch(() => undefined);
    const onKey = (e: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' ', 'Enter'].includes(e.key)) move(1);
      else if (['ArrowLeft', 'PageUp', 'Backspace'].includes(e.key)) move(-1);
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(SLIDES.length - 1);
      else if (e.key === 'Escape') onClose();
      else if (e.key === 'f' || e.key === 'F') {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        else void el?.requestFullscreen?.().catch(() => undefined);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [move, onClose]);

  return (
    <div
      ref={root}
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={t('innovation.present.title')}
      tabIndex={-1}
      data-testid="presentation"
      data-slide={slide}
    >
      <SlideView slide={slide} data={data} />
      <nav className="slide-nav" aria-label={t('innovation.present.title')}>
        <span className="muted">{t('innovation.present.keys')}</span>
        <button type="button" onClick={() => move(-1)} aria-label={t('innovation.present.prev')}>
          ‹
        </button>
        <span data-testid="slide-counter">
          {index + 1} / {SLIDES.length}
        </span>
        <button type="button" onClick={() => move(1)} aria-label={t('innovation.present.next')}>
          ›
        </button>
        <button type="button" onClick={savePng} disabled={busy} data-testid="slide-png">
          {t('innovation.present.png')}
        </button>
        <button type="button" onClick={savePdf} disabled={busy} data-testid="deck-pdf">
          {busy ? t('innovation.present.busy') : t('innovation.present.pdf')}
        </button>
        <button type="button" onClick={onClose} data-testid="close-presentation">
          {t('innovation.present.close')}
        </button>
      </nav>
      {staged && <SlideView key={staged.n} ref={stage} slide={staged.slide} data={data} className="export" />}
    </div>
  );
}
