import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { saveBlob } from '../../core/export/download';
import { chartPng, legendItems } from './chart-png';
import type { IndexResult } from './data/innovation-index';

/** Text size of a chart: 11 px on a card, larger on a slide (at least 16 px on a 1920×1080 projector). */
export interface ChartText {
  fontSize: number;
  /** A `YYYY-MM` month as the locale writes it ("Mei 2025"). */
  month?: (month: string) => string;
}
export const CARD_TEXT: ChartText = { fontSize: 11 };

/** A titled chart card with a "PNG" button that saves the chart as an image. */
export function ChartCard(props: {
  title: string;
  fileName: string;
  footer: string;
  testId: string;
  height?: number;
  children: React.ReactElement;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const save = async () => {
    // Legend icons are small svg.recharts-surface too: the chart is the largest one.
    const svgs = [...(ref.current?.querySelectorAll<SVGSVGElement>('svg.recharts-surface') ?? [])];
    const area = (e: SVGSVGElement) => e.getBoundingClientRect().width * e.getBoundingClientRect().height;
    const svg = svgs.sort((a, b) => area(b) - area(a))[0];
    if (svg && ref.current)
      saveBlob(props.fileName, await chartPng(svg, props.title, props.footer, legendItems(ref.current)));
  };
  return (
    <section className="card chart-card" data-testid={props.testId}>
      <header>
        <h3>{props.title}</h3>
        <button type="button" className="secondary small" data-testid={`${props.testId}-png`} onClick={save}>
          {t('innovation.export.chartPng')}
        </button>
      </header>
      <div ref={ref} style={{ height: props.height ?? 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          {props.children}
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** Score as % of each variable's maximum: saved, and the what-if beside it when there is one. */
export function variableChart(
  saved: IndexResult,
  whatIf: IndexResult | null,
  labels: { saved: string; whatIf: string },
  name: (v: IndexResult['byVariable'][number]['variable']) => string,
  fmt: (n: number) => string,
  text: ChartText = CARD_TEXT,
) {
  const data = saved.byVariable.map((v, i) => ({
    name: name(v.variable),
    saved: v.max > 0 ? (100 * v.score) / v.max : 0,
    whatIf: whatIf ? (100 * (whatIf.byVariable[i]?.score ?? 0)) / (v.max || 1) : undefined,
  }));
  return (
    <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: text.fontSize }} />
      <YAxis type="category" dataKey="name" width={text.fontSize * 19} tick={{ fontSize: text.fontSize }} />
      <Tooltip formatter={(v) => `${fmt(Number(v))} %`} />
      <Legend wrapperStyle={{ fontSize: text.fontSize }} />
      <Bar dataKey="saved" name={labels.saved} fill="#0b5d75" isAnimationActive={false} />
      {whatIf && <Bar dataKey="whatIf" name={labels.whatIf} fill="#f0b429" isAnimationActive={false} />}
    </BarChart>
  );
}

export function historyChart(points: { year: number; iid: number }[], label: string) {
  return (
    <LineChart data={points} margin={{ left: 0, right: 24, top: 12, bottom: 4 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="year" type="category" />
      <YAxis domain={[0, 100]} />
      <Tooltip />
      <Line
        dataKey="iid"
        name={label}
        stroke="#0b5d75"
        strokeWidth={3}
        dot={{ r: 5 }}
        label={{ position: 'top', fontSize: 12 }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

/** A value of a chart whose hidden figures are null: the label "hidden", never a zero. */
const valueText = (fmt: (n: number) => string, hidden: string) => (v: unknown) =>
  v === null || v === undefined ? hidden : fmt(Number(v));

/** Cases reported and resolved month by month; a hidden month is a gap in the lines. */
export function trendChart(
  months: { month: string; reported: number | null; resolved: number | null }[],
  labels: { reported: string; resolved: string; hidden: string },
  fmt: (n: number) => string,
  text: ChartText = CARD_TEXT,
) {
  return (
    <LineChart data={months} margin={{ left: 0, right: 24, top: 8, bottom: 4 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="month"
        tick={{ fontSize: text.fontSize }}
        tickFormatter={text.month}
        minTickGap={text.fontSize * 2}
      />
      <YAxis
        tickFormatter={(v) => fmt(Number(v))}
        tick={{ fontSize: text.fontSize }}
        width={text.fontSize * 5}
      />
      <Tooltip
        formatter={valueText(fmt, labels.hidden)}
        labelFormatter={(label) => (text.month ? text.month(String(label)) : String(label))}
      />
      <Legend wrapperStyle={{ fontSize: text.fontSize }} />
      <Line
        dataKey="reported"
        name={labels.reported}
        stroke="#d95f02"
        dot={false}
        strokeWidth={2}
        isAnimationActive={false}
      />
      <Line
        dataKey="resolved"
        name={labels.resolved}
        stroke="#1b9e77"
        dot={false}
        strokeWidth={2}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

/** Cases reported and resolved per need category. */
export function needChart(
  needs: readonly { need: string; reported: number | null; resolved: number | null; suppressed?: boolean }[],
  t: TFunction,
  fmt: (n: number) => string,
  text: ChartText = CARD_TEXT,
) {
  const hidden = t('suppression.hidden');
  const rows = needs.map((n) => ({
    label: `${t(`measure.${n.need}`, n.need)}${n.suppressed ? ` (${hidden})` : ''}`,
    reported: n.reported,
    resolved: n.resolved,
  }));
  const labels = {
    reported: t('innovation.programme.reported'),
    resolved: t('innovation.programme.resolved'),
    hidden,
  };
  return (
    <BarChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 4 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      {/* Every category named, slanted so long names do not run into each other. */}
      <XAxis
        dataKey="label"
        tick={{ fontSize: text.fontSize }}
        interval={0}
        angle={-20}
        textAnchor="end"
        height={text.fontSize * 5}
      />
      <YAxis
        tickFormatter={(v) => fmt(Number(v))}
        tick={{ fontSize: text.fontSize }}
        width={text.fontSize * 5}
      />
      <Tooltip formatter={valueText(fmt, labels.hidden)} />
      <Legend wrapperStyle={{ fontSize: text.fontSize }} />
      <Bar dataKey="reported" name={labels.reported} fill="#d95f02" isAnimationActive={false} />
      <Bar dataKey="resolved" name={labels.resolved} fill="#1b9e77" isAnimationActive={false} />
    </BarChart>
  );
}
