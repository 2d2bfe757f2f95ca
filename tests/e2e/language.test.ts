/**
 * No untranslated words in either language. Walks every section, tab, dialog and slide — first in Bahasa
 * Indonesia, then again after switching to English on the same page (the live switch is what a user does) — and
 * reads what a user can see or hear: visible text, option labels, and the title, aria-label, placeholder and alt
 * of visible elements. Fails on a catalogue key shown as text (a missing translation) and on the other language's
 * common words. Text marked with another `lang` (a citation in its own language) is left out, as a screen reader
 * would read it in that language, and so is text marked `translate="no"` (SQL). Place names are data: the word
 * lists avoid words that name places ("Telaga Dalam").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, openDashboard, ROOT, screenshot, waitDrawn, waitReady, waitStill } from './harness';

type Lang = 'id' | 'en';

/** Every key path of the catalogues ("planner.legend.title"): shown as text, a translation is missing. */
function catalogueKeys(): string[] {
  const keys = new Set<string>();
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (v !== null && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}.`);
      else keys.add(`${prefix}${k}`.replace(/_(one|other)$/, ''));
    }
  };
  const dir = path.join(ROOT, 'src', 'i18n', 'id');
  for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), '');
  // Only keys with a dot and no spaces can be mistaken for nothing else.
  return [...keys].filter((k) => k.includes('.'));
}

/** Words that only the other language uses (function words, and words of the UI's own vocabulary). */
const FOREIGN: Record<Lang, RegExp> = {
  // In the Indonesian UI: English.
  id: /\b(the|and|with|of|to|from|for|is|are|not|show|hide|download|close|save|loading|zoom|households?|villages?|agents?|coverage|toggle|reset|exit|find|location|map)\b/i,
  // In the English UI: Indonesian.
  en: /\b(yang|dan|atau|tidak|dengan|untuk|dari|pada|belum|sudah|tanpa|adalah|ini|itu|oleh|ke|di|keluarga|rumah|tangga|unduh|tutup|simpan|tampilkan|muat|peta|lihat|semua|agen|cakupan)\b/i,
};

/** What a user can see or hear on the page, outside text marked with another language. */
function readable(page: Page, lang: Lang): Promise<string[]> {
  return page.evaluate((lang) => {
    const out: string[] = [];
    // Text in another language on purpose (a citation), or not to be translated at all (SQL).
    const otherLang = (el: Element) => {
      const marked = el.closest('[lang]');
      const foreign =
        marked !== null && marked !== document.documentElement && marked.getAttribute('lang') !== lang;
      return foreign || el.closest('[translate="no"]') !== null;
    };
    const shown = (el: Element) => el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !el || el.closest('script, style, noscript') || otherLang(el) || !shown(el)) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('body *')) {
      if (otherLang(el)) continue;
      const visible = el instanceof HTMLOptionElement ? shown(el.parentElement ?? el) : shown(el);
      if (!visible) continue;
      if (el instanceof HTMLOptionElement) out.push(el.text.trim());
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = el.getAttribute(attribute)?.trim();
        if (value) out.push(value);
      }
    }
    return out.filter((s) => s.length > 0);
  }, lang);
}

/** The page's problems in `lang`: catalogue keys as text, and the other language's words. */
async function untranslated(
  page: Page,
  lang: Lang,
  where: string,
  keys: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const text of new Set(await readable(page, lang))) {
    const key = keys.find((k) => text.includes(k));
    if (key) problems.push(`${where}: catalogue key "${key}" in "${text.slice(0, 80)}"`);
    const word = FOREIGN[lang].exec(text);
    if (word) problems.push(`${where}: "${word[0]}" in "${text.slice(0, 100)}"`);
  }
  return problems;
}

/** Opens a section and waits until its own map (not the one it replaces) has drawn. */
async function openSection(page: Page, section: string, shown: string): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
  await page.getByTestId(shown).first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(() => window.__gancang?.map.getContainer().isConnected === true, undefined, {
    timeout: 60_000,
  });
  await waitDrawn(page);
}

/** Opens every folded part of the page, so its words are read too. */
const unfold = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });

describe('language: every section in Bahasa Indonesia and in English', () => {
  let dash: Dashboard;
  const keys = catalogueKeys();
  const found: Record<Lang, string[]> = { id: [], en: [] };

  beforeAll(async () => {
    dash = await openDashboard({ viewport: { width: 1366, height: 768 } });
    await waitReady(dash.page);
  }, 180_000);
  afterAll(async () => {
    await dash?.close();
  });

  /** Reads the page now, in `lang`, as `where`. */
  const check = async (lang: Lang, where: string) => {
    await unfold(dash.page);
    found[lang].push(...(await untranslated(dash.page, lang, where, keys)));
  };

  const walk = async (lang: Lang) => {
    const page = dash.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    // Perencanaan: the map and each tab of its pane, the map sheet dialog, the import dialog.
    await openSection(page, 'planner', 'planner');
    // The map's own controls speak the page's language too.
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    expect(await zoomIn.getAttribute('title')).toBe(lang === 'id' ? 'Perbesar' : 'Zoom in');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe(
      lang === 'id' ? 'Peta' : 'Map',
    );
    for (const tab of ['table', 'profile', 'sql']) {
      await page.getByTestId(`tab-${tab}`).click();
      await check(lang, `planner/${tab}`);
    }
    await page.getByTestId('open-map-export').click();
    await check(lang, 'planner/map sheet');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-dialog').waitFor();
    await check(lang, 'import dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await screenshot(page, `language-${lang}-planner`);
    // Pengawasan and each of its lists.
    await openSection(page, 'supervisor', 'tab-villages');
    for (const tab of ['villages', 'agents', 'offices', 'proposal']) {
      await page.getByTestId(`tab-${tab}`).click();
      await waitStill(page);
      await check(lang, `supervisor/${tab}`);
    }
    await screenshot(page, `language-${lang}-supervisor`);
    // Inovasi and each of its pages, then every slide of the presentation.
    await page.getByTestId('nav-innovation').click();
    await page.getByTestId('start-presentation').waitFor({ timeout: 60_000 });
    for (const tab of ['assessment', 'programme', 'index']) {
      await page.getByTestId(`iid-tab-${tab}`).click();
      await waitStill(page);
      await check(lang, `innovation/${tab}`);
      await screenshot(page, `language-${lang}-innovation-${tab}`);
    }
    await page.getByTestId('start-presentation').click();
    const counter = page.getByTestId('slide-counter');
    await counter.waitFor();
    const total = Number(((await counter.textContent()) ?? '').split('/')[1]);
    expect(total).toBeGreaterThan(1);
    for (let n = 1; n <= total; n += 1) {
      await expect.poll(() => counter.textContent()).toMatch(new RegExp(`^\\s*${n}\\s*/`));
      await waitStill(page);
      await check(lang, `slide ${n}`);
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
    await openSection(page, 'planner', 'planner');
  };

  it('Bahasa Indonesia shows no English words and no catalogue keys', async () => {
    await walk('id');
    expect(found.id).toEqual([]);
  }, 600_000);

  it('after switching to English on the same page, no Indonesian words and no catalogue keys', async () => {
    await dash.page.getByTestId('language').selectOption('en');
    await walk('en');
    expect(found.en).toEqual([]);
  }, 600_000);
});
