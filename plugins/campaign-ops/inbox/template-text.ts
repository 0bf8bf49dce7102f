/**
 * An approved reply as it is sent: `{{handle}}` becomes the name of the person answered. The
 * inbox page previews it with this, and the server sends what this gives.
 */
export const fillReplyTemplate = (body: string, handle: string | null | undefined): string => body.replace(/\{\{\s*handle\s*\}\}/g, handle ?? '')
