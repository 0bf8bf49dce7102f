'use client'
import React from 'react'

import { useAppStrings } from '../i18n/use-app-strings'
import type { Issue } from './use-variant-report'

/** The variant's errors or warnings under their heading, each with the field it is about; nothing when there are none. */
export function VariantIssueList(props: { heading: string; colour: string; issues: Issue[] }) {
  const { language } = useAppStrings()
  if (props.issues.length === 0) return null
  return (
    <>
      <strong style={{ color: props.colour }}>{props.heading}</strong>
      <ul>
        {props.issues.map((issue, index) => (
          <li key={index} data-code={issue.code}>
            {issue.message[language]} <code>{issue.field}</code>
          </li>
        ))}
      </ul>
    </>
  )
}
