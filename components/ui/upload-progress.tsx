// An upload's progress bar with its percentage, labelled for screen readers.
export function UploadProgress({ id, label, value }: { id: string; label: string; value: number }) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id}>{label}</label>
      <progress id={id} value={value} max={100} className="w-40 max-w-full" data-testid="upload-progress" />
      <span className="tabular-nums" data-testid="upload-percent">
        {value}%
      </span>
    </div>
  );
}
