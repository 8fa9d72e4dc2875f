import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noteSchema } from './content/noteSchema';

/**
 * One MDX file per topic. NOTES_DIR points the collection elsewhere (the scale benchmark builds
 * generated notes from a temporary folder); by default it is src/content/notes.
 */
const notes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env['NOTES_DIR'] ?? './src/content/notes' }),
  schema: noteSchema,
});

export const collections = { notes };
