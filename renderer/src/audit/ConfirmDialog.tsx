import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** The same request as the shell's useConfirm() on main, so this can be swapped for it one for one. */
export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
}
export type Confirm = (request: ConfirmRequest) => Promise<boolean>;

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

/**
 * An "are you sure?" before something that cannot be undone, as a promise. A real modal <dialog>:
 * focus moves into it, Escape cancels, the page behind is inert; Cancel has the focus first, so a
 * stray Enter never revokes anyone. Render the returned element once.
 */
export function useConfirmDialog(): [Confirm, ReactNode] {
  const titleId = useId();
  const [pending, setPending] = useState<Pending | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  const confirm = useCallback<Confirm>(
    (request) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.resolve(false);
          return { ...request, resolve };
        });
      }),
    [],
  );

  useEffect(() => {
    const el = dialog.current;
    if (!pending || !el) return;
    if (!el.open) el.showModal();
    cancel.current?.focus();
  }, [pending]);

  const settle = (confirmed: boolean): void => {
    pending?.resolve(confirmed);
    setPending(null);
    if (dialog.current?.open) dialog.current.close();
  };

  const element = pending && (
    <dialog
      ref={dialog}
      className="device-confirm"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        settle(false);
      }}
    >
      <h2 id={titleId} className="device-confirm__title">
        {pending.title}
      </h2>
      <p className="device-confirm__body">{pending.body}</p>
      <div className="controls__row device-confirm__actions">
        <button ref={cancel} type="button" className="button" onClick={() => settle(false)}>
          Cancel
        </button>
        <button
          type="button"
          className={pending.danger ? 'button device-confirm__danger' : 'button button--primary'}
          onClick={() => settle(true)}
        >
          {pending.confirmLabel}
        </button>
      </div>
    </dialog>
  );
  return [confirm, element];
}
