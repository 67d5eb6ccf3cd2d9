import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the request runs: the buttons wait, so a double tap cannot send it twice. */
  busy?: boolean;
}

/**
 * A modal question before something that cannot be undone. A real <dialog>: focus moves into it,
 * Escape cancels, and the rest of the page is inert until it closes. The safe choice has the focus.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false }: Props) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (!node.open) node.showModal();
    cancel.current?.focus();
    return () => node.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="device-confirm"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="device-confirm__title">
        {title}
      </h2>
      <div className="device-confirm__body">{children}</div>
      <div className="controls__row device-confirm__actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button device-confirm__danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
