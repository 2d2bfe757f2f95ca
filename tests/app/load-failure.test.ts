import { describe, expect, it } from 'vitest';
import { describeLoadFailure, loadFailureText } from '../../src/app/LoadingScreen';
import { LoadStepError } from '../../src/core/dataset/load-guard';
import i18n from '../../src/i18n';

const LANGUAGES = ['id', 'en'] as const;

describe('the load failure, in plain words', () => {
  it.each(LANGUAGES)(
    'says an unexpected error in the page language (%s), its own words kept as the detail',
    async (lang) => {
      await i18n.changeLanguage(lang);
      for (const error of [
        new RangeError('Array buffer allocation failed'),
        'out of memory',
        { weird: true },
      ]) {
        const said = loadFailureText(error, i18n.t, lang);
        expect(said.what).toBe(i18n.t('states.loadError.unexpected'));
        expect(said.hint).toBe(i18n.t('states.loadError.unexpectedHint'));
        // Words of the page's language, never the bare key, and never the error's own (English) words.
        expect(said.what).not.toMatch(/states\.|memory|allocation/);
        expect(said.detail).toBe(error instanceof Error ? error.message : String(error));
      }
    },
  );

  it('names the step and the file of a step that failed', async () => {
    await i18n.changeLanguage('id');
    const error = new LoadStepError('data', 'keluarga.csv', 'failed', 'HTTP 404', 30_000);
    const said = describeLoadFailure(error, i18n.t, 'id');
    expect(said.what).toContain('keluarga.csv');
    expect(said.detail).toBe('HTTP 404');
    expect(loadFailureText(error, i18n.t, 'id')).toEqual(said);
  });

  it('leaves an error that is not a load failure to the section that shows it (its own words)', () => {
    expect(describeLoadFailure(new Error('simulated rendering fault'), i18n.t, 'id').what).toBeNull();
  });
});
