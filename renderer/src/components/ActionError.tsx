/** What the core said when a button's request was refused; nothing when there is no error. */
export function ActionError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="action-error" role="alert">
      {error}
    </p>
  );
}
