/** Messages between the overfitting figure and its worker (plain JSON). */
import type { TrueFunctionName } from '../../../lib/data/curves';
import type { LearningCurvePoint } from '../../../lib/regression/learningCurve';

export type WorkerRequest =
  | { type: 'lc'; id: number; sizes: number[]; degree: number; l2: number; fn: TrueFunctionName; noise: number; repeats: number; seed: number }
  | { type: 'bv'; id: number; n: number; maxDegree: number; l2: number; fn: TrueFunctionName; noise: number; repeats: number; seed: number; evalX: number[] };

/** Bias²/variance at one degree (over `repeats` training sets). */
export interface BvPoint {
  degree: number;
  bias2: number;
  variance: number;
  noise: number;
  total: number;
  validationMse: number;
  repeats: number;
}

export type WorkerResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'lc'; id: number; points: LearningCurvePoint[] }
  | { type: 'bv'; id: number; points: BvPoint[] }
  | { type: 'error'; id: number; message: string };
