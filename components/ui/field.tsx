// Labelled form fields with their error beside them (aria-invalid + aria-describedby).
import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-700 aria-[invalid=true]:border-red-700";

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800" role="alert">
      {message}
    </p>
  );
}

export function Field({
  name,
  id: givenId,
  label,
  error,
  hint,
  children,
}: {
  name: string;
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: { "id": string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = givenId ?? `field-${name}`;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function TextField({ name, id, label, error, hint, ...input }: { name: string; id?: string; label: string; error?: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field name={name} id={id} label={label} error={error} hint={hint}>
      {(a11y) => <input name={name} className={inputClass} {...a11y} {...input} />}
    </Field>
  );
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending?: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className="rounded bg-sky-900 px-4 py-2 font-medium text-white disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
    >
      {children}
    </button>
  );
}

export function FormAlert({ message, tone = "error" }: { message?: string; tone?: "error" | "info" }) {
  if (!message) return null;
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded border p-3 text-sm ${tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-sky-300 bg-sky-50 text-sky-950"}`}>
      {message}
    </p>
  );
}
