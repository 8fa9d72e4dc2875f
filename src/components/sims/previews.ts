/**
 * Small static previews of each topic's figure for the home page cards, keyed by note slug.
 * Each is the figure's own chart rendered at build time with its default state (no JS shipped).
 */
import type { FunctionComponent } from 'preact';

export const previews: Record<string, FunctionComponent | undefined> = {};
