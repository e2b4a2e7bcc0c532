import type { JSX } from 'preact';

type Props = JSX.ButtonHTMLAttributes<HTMLButtonElement> & { primary?: boolean };

/** A text button: `primary` for the step's main action, secondary otherwise. */
export function Button({ primary, class: extra, ...props }: Props) {
  return <button type="button" {...props} class={`heard-button heard-${primary ? 'primary' : 'secondary'} ${extra ?? ''}`} />;
}
