/** Log lines a person reads (development, tests, scripts): time, level and message, no JSON. */
import { build } from 'pino-pretty'

let stream: ReturnType<typeof build> | undefined

/** Built on first use and shared by every Payload of the process; a production server, which logs JSON, never opens it. */
export function readableLogLines(): ReturnType<typeof build> {
  stream ??= build({ colorize: process.stdout.isTTY === true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' })
  return stream
}
