/**
 * A QR code of a share link, big enough to scan from the back of a room when the dialog is
 * on the projector. Drawn by React as one SVG path from the `qrcode` package's module
 * matrix: no markup is built from strings.
 */
import { useMemo } from 'react';
import QRCode from 'qrcode';

/** The QR code of `text`, named `label` for assistive technology. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    // Level M survives a smudge or a poor projector and stays small for a URL this long.
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
    return { size: modules.size, path: d };
  }, [text]);
  // A quiet zone of four modules on every side, as the standard asks.
  const quiet = 4;
  const total = size + 2 * quiet;
  return (
    <svg
      className="qr-code"
      viewBox={`${-quiet} ${-quiet} ${total} ${total}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={total} height={total} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
