/** A plain text table: one header row, columns padded to the widest cell, long cells cut. */
export function formatTable(headers: string[], rows: string[][], maxCellWidth = 48): string {
  const cut = (cell: string) => (cell.length > maxCellWidth ? `${cell.slice(0, maxCellWidth - 1)}…` : cell);
  const cells = [headers, ...rows].map((row) => row.map((cell) => cut(cell.replace(/\s+/g, ' '))));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
