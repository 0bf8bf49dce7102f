'use client'
/** The legend's entries as the page shows them (Recharts draws the legend in HTML, outside the chart's SVG). */
function legendEntries(container: HTMLElement): { label: string; colour: string }[] {
  return [...container.querySelectorAll('.recharts-legend-item')].map((item) => {
    const mark = item.querySelector('.recharts-surface path, .recharts-surface line, .recharts-surface rect') as SVGElement | null
    const style = mark ? getComputedStyle(mark) : null
    const colour = [style?.fill, style?.stroke].find((value) => value && value !== 'none' && !value.startsWith('rgba(0, 0, 0, 0)')) ?? '#888'
    return { label: (item.textContent ?? '').trim(), colour }
  })
}

/**
 * A chart as a PNG file that stands on its own: its title, its legend, and its SVG (Recharts draws
 * SVG) serialized with the page's computed colours, drawn on a canvas at twice the size on the
 * admin's background colour, right to left when the page is.
 */
export async function downloadChartImage(container: HTMLElement, fileName: string, title: string): Promise<void> {
  // The chart's own surface: the legend's icons are small surfaces of their own.
  const svg = container.querySelector('.recharts-wrapper > svg.recharts-surface') as SVGSVGElement | null
  if (!svg) return
  const { width, height } = svg.getBoundingClientRect()
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  // CSS variables do not travel with the SVG: the computed colours do.
  const originals = svg.querySelectorAll('*')
  copy.querySelectorAll('*').forEach((element, index) => {
    const style = getComputedStyle(originals[index]!)
    for (const property of ['fill', 'stroke', 'font-family', 'font-size', 'color'] as const)
      element.setAttribute(property === 'color' ? 'color' : property, style.getPropertyValue(property))
  })
  const source = new XMLSerializer().serializeToString(copy)
  const image = new Image()
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`
  await image.decode()
  const scale = 2
  const titleBand = 32
  const legend = legendEntries(container)
  const legendBand = legend.length ? 24 : 0
  const rtl = getComputedStyle(container).direction === 'rtl'
  const text = getComputedStyle(container)
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(width * scale)
  canvas.height = Math.ceil((height + titleBand + legendBand) * scale)
  const context = canvas.getContext('2d')!
  context.scale(scale, scale)
  context.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff'
  context.fillRect(0, 0, width, height + titleBand + legendBand)
  context.direction = rtl ? 'rtl' : 'ltr'
  context.textAlign = 'start'
  context.textBaseline = 'middle'
  context.fillStyle = text.color || '#222'
  context.font = `600 15px ${text.fontFamily}`
  context.fillText(title, rtl ? width - 8 : 8, titleBand / 2)
  // The legend's entries one after the other, from the reading side.
  context.font = `12px ${text.fontFamily}`
  let cursor = 8
  for (const entry of legend) {
    const labelWidth = context.measureText(entry.label).width
    const boxAt = rtl ? width - cursor - 10 : cursor
    context.fillStyle = entry.colour
    context.fillRect(boxAt, titleBand + legendBand / 2 - 5, 10, 10)
    context.fillStyle = text.color || '#222'
    context.fillText(entry.label, rtl ? width - cursor - 16 : cursor + 16, titleBand + legendBand / 2)
    cursor += 16 + labelWidth + 18
  }
  context.drawImage(image, 0, titleBand + legendBand, width, height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) return
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 1_000)
}
