/** A load that failed: the core's reason and a way to try again. */
export function LoadFailed({
  what,
  message,
  onRetry,
}: {
  what: string;
  message: string;
  onRetry: () => void;
}) {
  return (
    <div className="form-error load-failed" role="alert">
      <p>
        Could not load {what}: {message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
