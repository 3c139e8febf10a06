import { useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

/**
 * Where a workbook is dropped, or picked: the zone is a button (Tab reaches it; Enter or Space opens the
 * file picker), and a dragged file is taken on drop. Hands the file to `onFile`.
 */
export function DropZone({ onFile, disabled, hint }: { onFile: (file: File) => void; disabled?: boolean; hint: string }) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  const open = () => {
    if (!disabled) input.current?.click();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-disabled={disabled || undefined}
      aria-describedby={hintId}
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      data-testid="zona-carga"
      onClick={open}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="drop-zone-title">Arrastre aquí su libro de Excel o elija el archivo</span>
      <span id={hintId} className="drop-zone-hint">
        {hint}
      </span>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        accept=".xlsx,.xls,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="archivo"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
