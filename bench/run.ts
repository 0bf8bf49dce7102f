/**
 * `npm run bench -- <name>`: runs one benchmark (or all of them without a name). Benchmarks print
 * their figures as ratios against a baseline measured in the same run; they are not tests.
 */
export {}

const benchmarks: Record<string, () => Promise<unknown>> = {
  moderation: () => import('./moderation.bench'),
  media: () => import('./media.bench'),
  scheduler: () => import('./scheduler.bench'),
  inbox: () => import('./inbox.bench'),
  reporting: () => import('./reporting.bench'),
}

const requested = process.argv.slice(2).filter((argument) => !argument.startsWith('-'))
const names = requested.length ? requested : Object.keys(benchmarks)
for (const name of names) {
  const load = benchmarks[name]
  if (!load) {
    console.error(`Unknown benchmark "${name}". Available: ${Object.keys(benchmarks).join(', ')}`)
    process.exit(2)
  }
  console.log(`\n## ${name}`)
  const module = (await load()) as { run(): Promise<void> }
  await module.run()
}
