export interface Notice {
  id: number;
  text: string;
  tone: 'ok' | 'error';
}

/** The answer to a keyboard shortcut, read out by screen readers and visible from across the desk. */
export function ActionNotice({ notice }: { notice: Notice | null }) {
  return (
    <div className="action-notice" role="status" aria-live="polite">
      {notice && (
        <p key={notice.id} className={`action-notice__text action-notice__text--${notice.tone}`}>
          {notice.text}
        </p>
      )}
    </div>
  );
}
