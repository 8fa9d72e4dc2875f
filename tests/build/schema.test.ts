import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** A malformed note must fail the build with a message naming the file and the field. */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function buildWith(name: string, source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'notes-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'valid-note.mdx'), good.replace('order: 1', 'order: 2'));
  writeFileSync(join(dir, name), source);
  const r = spawnSync('npx', ['astro', 'build', '--force'], {
    encoding: 'utf8',
    env: { ...process.env, NOTES_DIR: dir, OUT_DIR: join(dir, 'out'), BASE_PATH: '', ASTRO_CACHE_DIR: join(dir, 'cache') },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** A minimal valid note; each test breaks one thing in a copy of it. */
const good = `---
title: 合法笔记
question: 这是一个问题吗？
order: 1
summary: 一篇用来检验构建时校验的最小合法笔记。
tags: [测试]
updated: 2026-11-27
aliases: []
---

## 第一节 {#first}

正文，含公式 $x^2$。
`;

describe('note validation at build time', () => {
  it('a missing field fails, naming the file and the field', () => {
    const r = buildWith('broken-note.mdx', good.replace(/^summary:.*$/m, ''));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('broken-note');
    expect(r.output).toMatch(/summary/);
  });
  it('a wrongly typed field fails, naming the file and the field', () => {
    const r = buildWith('bad-order.mdx', good.replace(/^order:.*$/m, 'order: second'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('bad-order');
    expect(r.output).toMatch(/order/);
  });
  it('a heading without an explicit id fails, naming the file and the heading', () => {
    const r = buildWith('no-id.mdx', `${good}\n\n## 没有编号的小节\n\n正文。\n`);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-id.mdx');
    expect(r.output).toContain('没有编号的小节');
  });
});
