import React from 'react'

/** The campaign's mark: an open door (an alternative to the cell), drawn in the text colour. */
export function BadilMark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="26" height="26" rx="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="M11 25V9h10v16" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M11 9l7 3v15l-7-2z" fill="currentColor" />
    </svg>
  )
}

/** Login page and admin header: Badil's mark and name, in Latin and Arabic letters. */
export function BadilLogo() {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.75rem', fontSize: '2rem', fontWeight: 600 }}>
      <BadilMark size={48} />
      <span>
        Badil <span lang="ar">بديل</span>
      </span>
    </span>
  )
}

/** The navigation's small icon. */
export function BadilIcon() {
  return <BadilMark size={24} />
}
