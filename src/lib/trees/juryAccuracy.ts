/**
 * The "wisdom of crowds" behind bagging (Condorcet's jury theorem with correlated jurors): how often a
 * majority of B voters is right when each voter is right with probability p and any two voters'
 * correctness indicators have correlation ρ.
 *
 * Model (exchangeable latent variable, i.e. the beta-binomial): a shared "difficulty" π is drawn from
 * Beta(α, β) with mean p and α + β = (1 − ρ)/ρ, i.e.
 *     α = p(1 − ρ)/ρ,   β = (1 − p)(1 − ρ)/ρ;
 * given π the B voters are independent Bernoulli(π). Then each voter is right with probability p, any
 * two are correlated with ρ = 1/(α + β + 1), and the number of correct votes S ~ BetaBinomial(B, α, β):
 *     P(S = k) = C(B, k) · B(k + α, B − k + β) / B(α, β).
 * ρ = 0 is the independent case S ~ Binomial(B, p) (exact, Condorcet 1785); ρ = 1 makes all voters agree,
 * so the majority is right with probability p whatever B is. This construction only gives ρ ≥ 0.
 *
 * Majority: right when S > B/2; an even B's tie S = B/2 is settled by a fair coin (counts ½).
 * Random forests: Breiman (2001) bounds the generalisation error by ρ̄(1 − s²)/s² — lower correlation
 * between trees, not only stronger trees, is what the random feature subsets buy.
 */

/** P(S = k), k = 0..B: distribution of the number of correct votes under the model above. */
export function juryVoteDistribution(voters: number, p: number, rho = 0): number[] {
  if (!Number.isInteger(voters) || voters < 1) throw new RangeError(`voters must be a positive integer, got ${voters}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (!(rho >= 0 && rho <= 1)) throw new RangeError(`rho must be in [0, 1] (the exchangeable model has no negative correlation), got ${rho}`);
  const B = voters;
  const pmf = new Array<number>(B + 1).fill(0);
  // Degenerate cases: certain outcome, or perfectly correlated voters (all right with probability p).
  if (p === 0 || p === 1 || rho === 1) {
    pmf[0] = 1 - p;
    pmf[B]! += p;
    return pmf;
  }
  // Recurrence from P(S = 0), in log space for P(0) so large B does not underflow.
  //   Binomial:      P(k+1)/P(k) = (B − k)/(k + 1) · p/(1 − p),             P(0) = (1 − p)^B
  //   Beta-binomial: P(k+1)/P(k) = (B − k)/(k + 1) · (k + α)/(B − k − 1 + β),  P(0) = Π_{i<B} (β + i)/(α + β + i)
  // α + β = (1 − ρ)/ρ; past 1e15 (ρ below ~1e−15, including subnormal ρ where it overflows) the
  // beta-binomial equals the binomial to double precision (their difference is O(B²ρ)).
  const concentration = (1 - rho) / rho;
  let logP0: number;
  let ratio: (k: number) => number;
  if (rho === 0 || !(concentration < 1e15)) {
    logP0 = B * Math.log1p(-p);
    ratio = (k) => ((B - k) / (k + 1)) * (p / (1 - p));
  } else {
    const a = p * concentration;
    const b = (1 - p) * concentration;
    logP0 = 0;
    for (let i = 0; i < B; i++) logP0 += Math.log((b + i) / (a + b + i));
    ratio = (k) => ((B - k) / (k + 1)) * ((k + a) / (B - k - 1 + b));
  }
  const logs = new Array<number>(B + 1);
  logs[0] = logP0;
  for (let k = 0; k < B; k++) logs[k + 1] = logs[k]! + Math.log(ratio(k));
  for (let k = 0; k <= B; k++) pmf[k] = Math.exp(logs[k]!);
  return pmf;
}

/** Probability that the majority of `voters` voters is right (ties split ½), each right with probability p, correlation ρ. */
export function juryAccuracy(voters: number, p: number, rho = 0): number {
  const pmf = juryVoteDistribution(voters, p, rho);
  let acc = 0;
  for (let k = 0; k <= voters; k++) {
    if (2 * k > voters) acc += pmf[k]!;
    else if (2 * k === voters) acc += 0.5 * pmf[k]!;
  }
  return acc;
}
