import { getCollection, type CollectionEntry } from 'astro:content';

export type Note = CollectionEntry<'notes'>;

/** All notes in reading order; two notes with the same `order` fail the build. */
export async function getNotes(): Promise<Note[]> {
  const notes = (await getCollection('notes')).sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < notes.length; i++) {
    if (notes[i]!.data.order === notes[i - 1]!.data.order) {
      throw new Error(`notes ${notes[i - 1]!.id}.mdx and ${notes[i]!.id}.mdx both have order: ${notes[i]!.data.order}`);
    }
  }
  return notes;
}

export function noteHref(note: Note): string {
  return `notes/${note.id}/`;
}
