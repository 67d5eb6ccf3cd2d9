import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmContext, type ConfirmRequest } from './confirm-context';

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

/**
 * A native modal <dialog>: it traps focus, Escape cancels, and screen readers announce it — all from
 * the browser. The safe choice (Cancel) has the focus first, so a stray Enter never ends a drop.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const confirm = useCallback(
    (request: ConfirmRequest) =>
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
    cancelButton.current?.focus();
  }, [pending]);

  const settle = (confirmed: boolean): void => {
    pending?.resolve(confirmed);
    setPending(null);
    if (dialog.current?.open) dialog.current.close();
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <dialog
        ref={dialog}
        className="confirm"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        onClose={() => settle(false)}
        onClick={(e) => {
          // A click on the backdrop lands on the <dialog> itself.
          if (e.target === e.currentTarget) settle(false);
        }}
      >
        {pending && (
          <div className="confirm__box">
            <h2 id="confirm-title">{pending.title}</h2>
            <p id="confirm-body">{pending.body}</p>
            <div className="confirm__actions">
              <button ref={cancelButton} type="button" className="button" onClick={() => settle(false)}>
                Cancel
              </button>
              <button
                type="button"
                className={pending.danger ? 'button button--stop' : 'button button--go'}
                onClick={() => settle(true)}
              >
                {pending.confirmLabel}
              </button>
            </div>
          </div>
        )}
      </dialog>
    </ConfirmContext.Provider>
  );
}
