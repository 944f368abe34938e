// Spreadsheet formula injection (DESIGN §9): a text cell that a spreadsheet would read as a
// formula (= + - @, or a leading tab or CR) gets a leading apostrophe, in CSV and XLSX alike.
// Numbers stay numbers: only strings are touched, so "-1" typed as text is neutralised while the
// number -1 is not. Used by every export that carries text someone else typed.

export type Cell = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;

export function safeCell<T extends Cell>(value: T): T | string {
  if (typeof value === 'string' && formulaStart.test(value)) return `'${value}`;
  return value;
}
