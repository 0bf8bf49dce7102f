/**
 * `npm run docs:access`: rewrites the README's access tables from the access matrix
 * (src/security/access-matrix.ts). The access matrix test fails while they differ.
 */
import fs from 'node:fs'

import { accessSectionEnd, accessSectionStart, readmeAccessSection } from '../src/security/access-tables'

const readme = fs.readFileSync('README.md', 'utf8')
const start = readme.indexOf(accessSectionStart)
const end = readme.indexOf(accessSectionEnd)
if (start < 0 || end < start) {
  console.error(`README.md has no access section: put ${accessSectionStart} and ${accessSectionEnd} where it goes.`)
  process.exit(1)
}
fs.writeFileSync('README.md', readme.slice(0, start) + readmeAccessSection() + readme.slice(end + accessSectionEnd.length))
console.log('README.md: access tables written from src/security/access-matrix.ts')
