import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  children: ReactNode;
  /** A smaller line under the number (what it is made of). */
  note?: ReactNode;
  tone?: 'stop';
}

/** A labelled number ("Sold 12"): a group named by its label, so it reads as one thing. */
export function Stat({ label, children, note, tone }: Props) {
  const id = useId();
  return (
    <div className={tone ? `dash-stat dash-stat--${tone}` : 'dash-stat'} role="group" aria-labelledby={id}>
      <span id={id} className="dash-stat__label">
        {label}
      </span>
      <span className="dash-stat__value">{children}</span>
      {note && <span className="dash-stat__note">{note}</span>}
    </div>
  );
}
