import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** One Chinese term per concept, used the same way in every note (src/data/glossary.json decides). */

interface Term {
  zh: string;
  en: string;
  avoid: string[];
}

const glossary = JSON.parse(readFileSync(path.resolve('src', 'data', 'glossary.json'), 'utf8')) as Term[];
const NOTES_DIR = path.resolve('src', 'content', 'notes');
const notes = readdirSync(NOTES_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ file: f, text: readFileSync(path.join(NOTES_DIR, f), 'utf8') }));

/** Errata quote the original notes' wording (e.g. "fine-tunning") on purpose; they are not our usage. */
function withoutErrata(text: string): string {
  return text.replace(/<Erratum>[\s\S]*?<\/Erratum>/g, '');
}

describe('glossary', () => {
  it('has well-formed entries', () => {
    expect(glossary.length).toBeGreaterThan(20);
    for (const t of glossary) {
      expect(t.zh.trim(), JSON.stringify(t)).not.toBe('');
      expect(t.en.trim(), JSON.stringify(t)).not.toBe('');
      expect(Array.isArray(t.avoid), JSON.stringify(t)).toBe(true);
    }
  });

  it('decides each Chinese term once', () => {
    const zh = glossary.map((t) => t.zh);
    expect(zh.filter((z, i) => zh.indexOf(z) !== i)).toEqual([]);
  });

  it('never lists a chosen term (or part of one) as a variant to avoid', () => {
    const clashes = glossary.flatMap((t) =>
      t.avoid.filter((a) => glossary.some((u) => u.zh.toLowerCase().includes(a.toLowerCase()))).map((a) => `${t.zh}: ${a}`),
    );
    expect(clashes).toEqual([]);
  });

  it('finds notes to check', () => {
    expect(notes.length).toBeGreaterThanOrEqual(6);
  });

  for (const { file, text } of notes) {
    it(`${file} uses no avoided variant`, () => {
      const body = withoutErrata(text).toLowerCase();
      const hits = glossary.flatMap((t) => t.avoid.filter((a) => body.includes(a.toLowerCase())).map((a) => `${a} → ${t.zh}`));
      expect(hits).toEqual([]);
    });
  }

  it('lists only terms the notes use', () => {
    const all = notes.map((n) => n.text).join('\n');
    expect(glossary.filter((t) => !all.includes(t.zh)).map((t) => t.zh)).toEqual([]);
  });
});
