import { cloneElement, isValidElement, type ReactElement } from 'react';

type ControlProps = { id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/**
 * A label, one control and its error. The label is tied to the control by id and the error by
 * aria-describedby, so tests and screen readers find the field by its label.
 */
export function Field({
  id,
  label,
  error,
  hint,
  describedBy: also,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactElement<ControlProps>;
  /** A note elsewhere on the page about this control (why it is read-only, say), read out after its own. */
  describedBy?: string;
}) {
  const own = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const describedBy = [own, also].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })
    : children;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox and its label side by side, with its error or a hint (why switching it would be refused, say). */
export function CheckboxField({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactElement<ControlProps>;
}) {
  // The control's own description (a pinned document's note) stays first; the error and the hint are added to it.
  const describedBy = [children.props['aria-describedby'], error ? `${id}-error` : undefined, hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  const control = cloneElement(children, {
    'aria-invalid': error ? true : children.props['aria-invalid'],
    'aria-describedby': describedBy || undefined,
  });
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        {control}
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
