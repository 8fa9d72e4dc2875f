import { z } from 'astro/zod';

/** Frontmatter of a note. A wrong or missing field fails the build, naming the file and the field. */
export const noteSchema = z
  .object({
    /** Short page title, e.g. 梯度消失. */
    title: z.string().trim().min(1, '标题不能为空').max(40),
    /** The interview question the note answers (the seed's heading). */
    question: z.string().trim().min(1).max(120),
    /** Position in the sidebar and on the home page, 1-based. */
    order: z.number().int().positive(),
    /** One sentence for the home card and meta description. */
    summary: z.string().trim().min(10).max(120),
    tags: z.array(z.string().trim().min(1)).min(1),
    /** Last substantive edit, YYYY-MM-DD. */
    updated: z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'updated 必须是 YYYY-MM-DD 格式的日期'),
    /** GitHub-style ids from the original notes' TOC that should land on this page's top. */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type NoteFrontmatter = z.infer<typeof noteSchema>;
