/** Deterministic PRNG, so every benchmark run measures the same data. */
export { seededRandom as prng } from '../../src/infra/seeded-random'
