/**
 * CPU time this process spent on `work`, in ms. Wall-clock time on a shared 2-core machine depends
 * on what else runs (the other jest worker, PostgreSQL); CPU time does not, so a bound on it holds
 * the code to its cost (linear, not catastrophic) without timing luck. Speed figures belong in
 * `npm run bench`.
 */
export function cpuMilliseconds(work: () => void): number {
  const before = process.cpuUsage()
  work()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}
