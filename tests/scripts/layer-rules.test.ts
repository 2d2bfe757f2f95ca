/**
 * The layer rules of biome.json, checked against the architecture they are meant to enforce
 * (docs/ARCHITECTURE.md): app → features → core, core's pure folders → domain, domain → nothing.
 *
 * For every pair of folders (and from nested sub-folders, so every `../` depth is tried) a scratch module with
 * one import is written into a temporary copy of the tree's folders and linted with the project's Biome and
 * biome.json. The expected verdict comes from the rule table below, written independently of biome.json's
 * glob patterns: a pattern that misses a case, or blocks an allowed import, fails here.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');

const FEATURES = ['planner', 'supervisor', 'innovation', 'import'].map((f) => `features/${f}`);
const PURE = ['classify', 'geo', 'coverage-engine', 'privacy'].map((c) => `core/${c}`);
const CORE = [
  'core/domain',
  ...PURE,
  ...['sql', 'import', 'cube', 'aggregates', 'dataset', 'export', 'map', 'ui', 'url'].map((c) => `core/${c}`),
];
const FOLDERS = ['app', 'pwa', 'i18n', ...FEATURES, ...CORE];

/** The architecture's rule: may code in `from` import `to`? */
function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (from === 'app' || from === 'pwa') return true;
  if (from === 'i18n') return false;
  if (from === 'core/domain') return false;
  if (PURE.includes(from)) return to === 'core/domain' || PURE.includes(to);
  if (from.startsWith('core/')) return to.startsWith('core/') || to === 'i18n';
  // a feature: core and the catalogues, never the shell or another feature
  return to.startsWith('core/') || to === 'i18n';
}

interface Case {
  file: string;
  specifier: string;
  expectFlagged: boolean;
  label: string;
}

const dir = mkdtempSync(path.join(tmpdir(), 'layer-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildCases(): Case[] {
  const cases: Case[] = [];
  let n = 0;
  for (const from of FOLDERS) {
    // the folder itself and a sub-folder two levels down: relative paths of every depth
    for (const sub of ['', 'a/b']) {
      const fromDir = path.posix.join('src', from, sub);
      for (const to of FOLDERS) {
        let specifier = path.posix.relative(fromDir, path.posix.join('src', to, 'target'));
        if (!specifier.startsWith('.')) specifier = `./${specifier}`;
        const file = path.posix.join(fromDir, `Scratch${n++}.ts`);
        cases.push({ file, specifier, expectFlagged: !allowed(from, to), label: `${from}/${sub} → ${to}` });
      }
    }
  }
  // packages the pure folders must not use, and that the rest may
  for (const pkg of ['react', 'maplibre-gl', '@duckdb/duckdb-wasm', '@deck.gl/layers']) {
    for (const from of [...PURE, 'core/ui', 'features/planner']) {
      const file = path.posix.join('src', from, `Scratch${n++}.ts`);
      cases.push({ file, specifier: pkg, expectFlagged: PURE.includes(from), label: `${from} → ${pkg}` });
    }
  }
  return cases;
}

function flaggedFiles(cases: readonly Case[]): Set<string> {
  copyFileSync(path.join(ROOT, 'biome.json'), path.join(dir, 'biome.json'));
  for (const c of cases) {
    mkdirSync(path.join(dir, path.dirname(c.file)), { recursive: true });
    writeFileSync(path.join(dir, c.file), `import { x } from '${c.specifier}';\nexport const y = x;\n`);
  }
  let out: string;
  try {
    out = execFileSync(
      BIOME,
      [
        'lint',
        '--vcs-enabled=false',
        '--only=style/noRestrictedImports',
        '--reporter=json',
        '--max-diagnostics=none',
        '.',
      ],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    // Biome exits 1 when it reports errors; its JSON report is still on stdout.
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { diagnostics: { category: string; location: { path: string } }[] };
  return new Set(
    report.diagnostics
      .filter((d) => d.category === 'lint/style/noRestrictedImports')
      .map((d) => d.location.path.replaceAll('\\', '/')),
  );
}

describe('layer rules (biome.json)', () => {
  const cases = buildCases();
  const flagged = flaggedFiles(cases);

  it('flags every import that points up or sideways, from every depth', () => {
    const missed = cases.filter((c) => c.expectFlagged && !flagged.has(c.file)).map((c) => c.label);
    expect(missed).toEqual([]);
  });

  it('lets every allowed import through', () => {
    const blocked = cases.filter((c) => !c.expectFlagged && flagged.has(c.file)).map((c) => c.label);
    expect(blocked).toEqual([]);
  });

  it('tries both kinds of case in number', () => {
    expect(cases.filter((c) => c.expectFlagged).length).toBeGreaterThan(200);
    expect(cases.filter((c) => !c.expectFlagged).length).toBeGreaterThan(200);
  });
});
