/** The class names that apply, joined for `className`. */
export const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ')
