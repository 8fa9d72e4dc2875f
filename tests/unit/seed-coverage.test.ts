import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every sentence and numbered point of the original notes (the seed) must survive in the MDX notes, in the
 * seed's order, either verbatim (after normalisation) or in a corrected form listed in
 * src/data/seed-corrections.json, whose note must then show an <Erratum>.
 */

const SEED_NAME = '000_a32c2cad07cddfe4.txt';
/** CI lays shared/ beside the clone, so the original lives one level up from the repo root. */
const SHARED_SEED = path.resolve('..', 'shared', 'seeds', SEED_NAME);
/** The committed copy: the test must not depend on shared/ being present. */
const SEED_COPY = path.resolve('src', 'data', 'seed.txt');
const NOTES_DIR = path.resolve('src', 'content', 'notes');
const CORRECTIONS = path.resolve('src', 'data', 'seed-corrections.json');

/** Seed section N (`### N. …`) lives in NOTE_FILES[N - 1]. */
const NOTE_FILES = [
  'vanishing-gradients.mdx',
  'overfitting.mdx',
  'regularization.mdx',
  'random-forest.mdx',
  'discriminative-vs-generative.mdx',
  'ransac.mdx',
] as const;

interface Correction {
  seed: string;
  corrected: string;
  file: string;
  reason?: string;
}

interface Segment {
  /** 1-based seed section number. */
  section: number;
  raw: string;
  norm: string;
}

/**
 * Reduces text to what a reader would call "the same sentence": markdown links keep their text, JSX tags,
 * MDX comments and `{#id}` heading ids go, then width variants are folded (NFKC), case is folded, and all
 * whitespace, punctuation and symbols are removed.
 */
function normalize(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/\\?\{#[A-Za-z][\w-]*\\?\}/g, '')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]/gu, '');
}

/** Splits the seed into sentences and numbered points, each tagged with its section. */
function seedSegments(seed: string): Segment[] {
  const body = seed.replace(/<!--\s*TOC\s*-->[\s\S]*?<!--\s*\/TOC\s*-->/, '');
  const segments: Segment[] = [];
  let section = 0;
  for (const rawLine of body.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (line === '' || /^https?:\/\//.test(line)) continue;
    const top = /^###\s+(\d+)\.\s*/.exec(line);
    if (top) section = Number(top[1]);
    line = line.replace(/^#{1,6}\s+/, '').replace(/^\d+[.、]\s*/, '');
    if (section === 0) continue;
    for (const piece of line.split(/[。！？]/)) {
      const raw = piece.trim();
      const norm = normalize(raw);
      if (norm !== '') segments.push({ section, raw, norm });
    }
  }
  return segments;
}

const seed = readFileSync(SEED_COPY, 'utf8');
const segments = seedSegments(seed);
const corrections: Correction[] = existsSync(CORRECTIONS)
  ? (JSON.parse(readFileSync(CORRECTIONS, 'utf8')) as Correction[])
  : [];
const notes = new Map(NOTE_FILES.map((f) => [f, readFileSync(path.join(NOTES_DIR, f), 'utf8')] as const));
const normNotes = new Map([...notes].map(([f, text]) => [f, normalize(text)] as const));
const allNotes = [...normNotes.values()].join('\n');

/** What the notes must contain for a seed segment: the seed text, or its listed correction. */
function expected(seg: Segment): { norm: string; raw: string; correction?: Correction } {
  const correction = corrections.find((c) => normalize(c.seed) === seg.norm);
  return correction
    ? { norm: normalize(correction.corrected), raw: correction.corrected, correction }
    : { norm: seg.norm, raw: seg.raw };
}

describe('seed file', () => {
  it('the committed copy is the original seed (its SHA-256, and shared/seeds itself when present)', () => {
    // SHA-256 of shared/seeds/000_a32c2cad07cddfe4.txt, recorded when the copy was made.
    expect(createHash('sha256').update(seed, 'utf8').digest('hex')).toBe('286ae5f269a94ec2c853dd72f573f6c08d1d9dba2f6bb6b62e7138c0c7a938a1');
    if (existsSync(SHARED_SEED)) expect(seed).toBe(readFileSync(SHARED_SEED, 'utf8'));
  });

  it('splits into sentences for all six sections', () => {
    expect(new Set(segments.map((s) => s.section))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(segments.length).toBeGreaterThan(50);
    // The TOC, headings' markup and the URL line never become sentences.
    for (const s of segments) {
      expect(s.raw).not.toMatch(/^#|%E|https?:/);
    }
  });
});

describe('seed corrections', () => {
  for (const c of corrections) {
    it(`“${c.seed.slice(0, 24)}…” is a seed sentence, corrected in ${c.file} with an <Erratum>`, () => {
      const seg = segments.find((s) => s.norm === normalize(c.seed));
      expect(seg, 'correction does not match any seed sentence').toBeDefined();
      expect(NOTE_FILES[seg!.section - 1]).toBe(c.file);
      expect(normalize(c.corrected)).not.toBe(normalize(c.seed));
      const text = notes.get(c.file as (typeof NOTE_FILES)[number]);
      expect(text, `unknown note ${c.file}`).toBeDefined();
      expect(text).toContain('<Erratum>');
      expect(normNotes.get(c.file as (typeof NOTE_FILES)[number])).toContain(normalize(c.corrected));
    });
  }
});

describe('seed coverage', () => {
  it('every seed sentence appears in the notes', () => {
    const missing = segments.map(expected).filter((e) => !allNotes.includes(e.norm)).map((e) => e.raw);
    expect(missing).toEqual([]);
  });

  NOTE_FILES.forEach((file, i) => {
    it(`${file} carries seed section ${i + 1} in the seed's order`, () => {
      const text = normNotes.get(file)!;
      let cursor = 0;
      const outOfOrder: string[] = [];
      for (const seg of segments.filter((s) => s.section === i + 1)) {
        const e = expected(seg);
        const at = text.indexOf(e.norm, cursor);
        if (at === -1) outOfOrder.push(e.raw);
        else cursor = at + e.norm.length;
      }
      expect(outOfOrder).toEqual([]);
    });
  });
});
