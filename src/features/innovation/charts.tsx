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
import { chartPng } from './chart-png';
import type { IndexResult } from './data/innovation-index';

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
    if (svg) saveBlob(props.fileName, await chartPng(svg, props.title, props.footer));
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
) {
  const data = saved.byVariable.map((v, i) => ({
    name: name(v.variable),
    saved: v.max > 0 ? (100 * v.score) / v.max : 0,
    whatIf: whatIf ? (100 * (whatIf.byVariable[i]?.score ?? 0)) / (v.max || 1) : undefined,
  }));
  return (
    <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} unit=" %" />
      <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 11 }} />
      <Tooltip formatter={(v) => `${fmt(Number(v))} %`} />
      <Legend />
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
) {
  return (
    <LineChart data={months} margin={{ left: 0, right: 24, top: 8, bottom: 4 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="month" tick={{ fontSize: 11 }} />
      <YAxis tickFormatter={(v) => fmt(Number(v))} />
      <Tooltip formatter={valueText(fmt, labels.hidden)} />
      <Legend />
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
  rows: { label: string; reported: number | null; resolved: number | null }[],
  labels: { reported: string; resolved: string; hidden: string },
  fmt: (n: number) => string,
) {
  return (
    <BarChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 4 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
      <YAxis tickFormatter={(v) => fmt(Number(v))} />
      <Tooltip formatter={valueText(fmt, labels.hidden)} />
      <Legend />
      <Bar dataKey="reported" name={labels.reported} fill="#d95f02" isAnimationActive={false} />
      <Bar dataKey="resolved" name={labels.resolved} fill="#1b9e77" isAnimationActive={false} />
    </BarChart>
  );
}
