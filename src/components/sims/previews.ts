/**
 * Small static previews of each topic's figure for the home page cards, keyed by note slug.
 * Each is the figure's own chart rendered at build time with its default state (no JS shipped).
 */
import type { FunctionComponent } from 'preact';
import VanishingGradientsPreview from './vanishing-gradients/Preview';
import OverfittingPreview from './overfitting/Preview';
import RegularizationPreview from './regularization/Preview';
import RandomForestPreview from './random-forest/Preview';
import DiscriminativeGenerativePreview from './discriminative-generative/Preview';
import RansacPreview from './ransac/Preview';

export const previews: Record<string, FunctionComponent | undefined> = {
  'vanishing-gradients': VanishingGradientsPreview,
  overfitting: OverfittingPreview,
  regularization: RegularizationPreview,
  'random-forest': RandomForestPreview,
  'discriminative-vs-generative': DiscriminativeGenerativePreview,
  ransac: RansacPreview,
};
