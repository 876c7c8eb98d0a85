/** Modules of light margin around the code, as the QR standard asks for. */
const QUIET = 4;

/**
 * A QR code drawn from its rows of modules ('1' dark, '0' light) as one SVG
 * path, runs of dark modules merged, so it stays sharp at any size.
 */
export function QrCode({ rows, label }: { rows: string[]; label: string }) {
  const size = rows.length;
  let path = '';
  rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (row[x] !== '1') {
        x += 1;
        continue;
      }
      let run = 1;
      while (row[x + run] === '1') run += 1;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  });
  const whole = size + QUIET * 2;
  return (
    <svg
      className="qr"
      viewBox={`${-QUIET} ${-QUIET} ${whole} ${whole}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect className="qr-light" x={-QUIET} y={-QUIET} width={whole} height={whole} />
      <path className="qr-dark" d={path} />
    </svg>
  );
}
