/** Log lines a person reads (development, tests, scripts): time, level and message, no JSON. */
import { build } from 'pino-pretty'

export const readableLogLines = build({ colorize: process.stdout.isTTY === true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' })
