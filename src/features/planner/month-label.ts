/** The time bar's chart margin: the current-month marker over the chart is placed with it. */
export const CHART_MARGIN = { top: 4, right: 8, bottom: 0, left: 0 };

/** A month (YYYY-MM) as a short month and year in the page's language. */
export const monthLabel = (language: string) => (m: string) =>
  new Date(`${m}-01T00:00:00`).toLocaleDateString(language === 'en' ? 'en-GB' : 'id-ID', {
    month: 'short',
    year: 'numeric',
  });
