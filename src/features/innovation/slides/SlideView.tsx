/** One slide in a frame with its source line: the same view on screen, in a PNG and in the deck PDF. */
import { forwardRef, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceLine, todayLabel } from '../../../core/map/sheet-frame';
import { type DeckData, type Slide, slideFontSize } from './deck';
import { IndexSlide } from './IndexSlide';
import { NextStepsSlide } from './NextStepsSlide';
import { ChannelsSlide, FiguresSlide, TrendSlide } from './ResultSlides';
import { SlideMap } from './SlideParts';

function TitleSlide({ data }: { data: DeckData }) {
  const { t } = useTranslation();
  return (
    <div className="slide-title">
      <h1>{t('innovation.present.heading')}</h1>
      <h2>{t('innovation.present.subheading')}</h2>
      <p>{t('innovation.present.regency')}</p>
      <p className="muted">{todayLabel(data.sheet.locale)}</p>
      {data.sheet.synthetic && <p className="slide-warning">{t('mapSheet.syntheticWarning')}</p>}
    </div>
  );
}

/**
 * The slide `slide` filling its frame (a size container: the slide's text is sized in units of the frame, so a
 * 1920×1080 export reads as the projector shows it). Chart text follows the frame's height (≥ 16 px).
 */
export const SlideView = forwardRef<HTMLDivElement, { slide: Slide; data: DeckData; className?: string }>(
  function SlideView({ slide, data, className }, ref) {
    const frame = useRef<HTMLDivElement | null>(null);
    const [height, setHeight] = useState(1080);
    useLayoutEffect(() => {
      const el = frame.current;
      if (!el) return;
      setHeight(el.clientHeight);
      const observer = new ResizeObserver(() => setHeight(el.clientHeight));
      observer.observe(el);
      return () => observer.disconnect();
    }, []);
    const fontSize = slideFontSize(height);
    return (
      <div
        ref={(el) => {
          frame.current = el;
          if (typeof ref === 'function') ref(el);
          else if (ref) ref.current = el;
        }}
        className={className ? `slide-frame ${className}` : 'slide-frame'}
        data-slide={slide}
      >
        <div className="slide" data-testid={`slide-${slide}`}>
          {slide === 'title' && <TitleSlide data={data} />}
          {slide === 'index' && <IndexSlide data={data} fontSize={fontSize} />}
          {(slide === 'coverage' || slide === 'hotspots') && <SlideMap theme={slide} sheet={data.sheet} />}
          {slide === 'figures' && <FiguresSlide data={data} fontSize={fontSize} />}
          {slide === 'channels' && <ChannelsSlide data={data} />}
          {slide === 'trend' && <TrendSlide data={data} fontSize={fontSize} />}
          {slide === 'next' && <NextStepsSlide data={data} />}
        </div>
        <footer className="slide-source">
          {sourceLine(data.sheet)} · {todayLabel(data.sheet.locale)}
        </footer>
      </div>
    );
  },
);
