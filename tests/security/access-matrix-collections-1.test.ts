/**
 * The access matrix for the collections, half 1 of 2 (every other row, so that the two test
 * workers share them): every row tried with every role, anonymously and with a wrong or revoked
 * API key, over REST, GraphQL and the Local API (see matrix-harness.ts). Issue 10.
 */
import { jest } from '@jest/globals'

import { collectionRules } from '../../src/security/access-matrix'
import { describeCollections, useMatrixApp } from './matrix-harness'

jest.setTimeout(300_000)

useMatrixApp('collections 1/2')

describeCollections(Object.keys(collectionRules).filter((_slug, index) => index % 2 === 1 - 1))
