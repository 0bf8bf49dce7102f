'use client'
import React from 'react'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { toCasablancaParts } from '../../../../../src/domain/casablanca-time'
import { usePluginStrings } from '../../../translations/use-plugin-strings'
import type { CrisisRoomData } from './use-crisis-room'

/** The alert's series over the last day: the comments per 10 minutes against the usual count. */
export function CrisisRoomChart({ chart }: { chart: CrisisRoomData['chart'] }) {
  const { t, language } = usePluginStrings()
  const rows = chart.map((point) => {
    const parts = toCasablancaParts(point.at)
    return { ...point, label: `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}` }
  })
  return (
    <div data-testid="crisis-chart" style={{ width: '100%', height: 260 }} dir="ltr">
      <ResponsiveContainer>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" reversed={language === 'ar'} minTickGap={24} />
          <YAxis allowDecimals={false} orientation={language === 'ar' ? 'right' : 'left'} />
          <Tooltip />
          <Legend />
          <Line type="stepAfter" dataKey="observed" name={t('crisisRoom:observed')} stroke="#b71c1c" dot={false} isAnimationActive={false} />
          <Line
            type="monotone"
            dataKey="expected"
            name={t('crisisRoom:expected')}
            stroke="#546e7a"
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
