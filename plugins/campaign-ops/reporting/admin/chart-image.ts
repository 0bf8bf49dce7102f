'use client'
/**
 * A chart as a PNG file: its SVG (Recharts draws SVG) serialized with the page's computed colours
 * and drawn on a canvas at twice the size, on the admin's background colour.
 */
export async function downloadChartImage(container: HTMLElement, fileName: string): Promise<void> {
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
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(width * scale)
  canvas.height = Math.ceil(height * scale)
  const context = canvas.getContext('2d')!
  context.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) return
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 1_000)
}
