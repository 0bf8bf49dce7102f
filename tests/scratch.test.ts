import { startSecurityApp } from './security/security-kit'
it('probes', async () => {
  const s = await startSecurityApp()
  const theme = await s.payload.create({ collection: 'themes', overrideAccess: true, data: { name: 'T', slug: 't1' } as any })
  const show = (label: string, a: any) => console.log(label, a.status, a.text.slice(0, 600))
  show('dup gql anon', await s.graphql('anonymous', `mutation { duplicateTheme(id: ${theme.id}) { id slug } }`))
  show('dup gql cm', await s.graphql('cm', `mutation { duplicateTheme(id: ${theme.id}) { id slug } }`))
  console.log('themes count', (await s.payload.count({ collection: 'themes', overrideAccess: true })).totalDocs)
  show('webhook gql cm', await s.graphql('cm', `mutation($data: mutationWebhookSubscriptionInput!) { createWebhookSubscription(data: $data) { id } }`, { data: { url: 'https://hooks.example.org/new', events: ['publication_failed'] } }))
  show('hs admin', await s.rest('admin', 'GET', `/api/payload-jobs/handle-schedules?queue=matrix-none`))
  show('hs admin noq', await s.rest('admin', 'GET', `/api/payload-jobs/handle-schedules`))
  await s.close()
})
