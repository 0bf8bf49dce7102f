import React from 'react'

/** One panel of the home page: Payload's card surface, a heading, and what the widget shows. */
export function HomeCard({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section className="card badil-home-card" data-testid={testId}>
      <h2 className="badil-home-card__title">{title}</h2>
      <div className="badil-home-card__body">{children}</div>
    </section>
  )
}
