/**
 * What an external tool does with the OpenAPI document: generate its client (openapi-typescript),
 * type-check code written against it, and call the API with it (openapi-fetch) using an
 * integration key.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import createClient from 'openapi-fetch'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'

import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, integrationApiKey } from '../helpers/users'

let app: TestPayload
let http: TestHttpServer
let document: Record<string, unknown>
let folder: string

beforeAll(async () => {
  app = await startTestPayload()
  await createAccountPerRole(app.payload)
  http = await startHttpServer(app.config)
  const response = await fetch(`${http.baseUrl}/api/reports/openapi.json`, { headers: { Authorization: `users API-Key ${integrationApiKey}` } })
  document = (await response.json()) as Record<string, unknown>
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-openapi-client-'))
})

afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true })
  await http?.close()
  await app?.close()
})

describe('a client generated from the OpenAPI document', () => {
  it('type-checks code that reads KPIs, and rejects a KPI that does not exist', async () => {
    const types = astToString(await openapiTS(document as never))
    fs.writeFileSync(path.join(folder, 'badil-api.d.ts'), types)
    const goodClient = `
      import type { paths } from './badil-api'
      type KpisQuery = paths['/reports/kpis']['get']['parameters']['query']
      type KpisAnswer = paths['/reports/kpis']['get']['responses'][200]['content']['application/json']
      export const query: KpisQuery = { from: '2026-11-01', to: '2026-11-30', kpi: ['impressions', 'response_rate'], platform: ['facebook'] }
      export const firstValue = (answer: KpisAnswer): number | null => answer.kpis[0]?.value ?? null
    `
    const badClient = `
      import type { paths } from './badil-api'
      export const query: paths['/reports/kpis']['get']['parameters']['query'] = { from: '2026-11-01', to: '2026-11-30', kpi: ['happiness'] }
    `
    const diagnosticsOf = (source: string) => {
      const file = path.join(folder, `client-${Math.random().toString(36).slice(2)}.ts`)
      fs.writeFileSync(file, source)
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        target: ts.ScriptTarget.ES2022,
      })
      return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    }
    expect(diagnosticsOf(goodClient)).toEqual([])
    expect(diagnosticsOf(badClient).join('\n')).toMatch(/happiness/)
  })

  it('calls the API with an integration key', async () => {
    // The runtime client a tool uses, typed with the part of the generated paths it reads.
    type Paths = {
      '/reports/kpis': {
        get: {
          parameters: { query: { from: string; to: string; kpi?: string[] } }
          responses: { 200: { content: { 'application/json': { kpis: { name: string; value: number | null; unit: string }[] } } } }
        }
      }
    }
    const client = createClient<Paths>({ baseUrl: `${http.baseUrl}/api`, headers: { Authorization: `users API-Key ${integrationApiKey}` } })
    const { data, error, response } = await client.GET('/reports/kpis', {
      params: { query: { from: '2026-11-01', to: '2026-11-30', kpi: ['impressions', 'posts_published'] } },
    })
    expect(error).toBeUndefined()
    expect(response.status).toBe(200)
    expect(data!.kpis).toEqual([
      expect.objectContaining({ name: 'impressions', unit: 'count', value: null }),
      expect.objectContaining({ name: 'posts_published', unit: 'count', value: 0 }),
    ])
  })
})
