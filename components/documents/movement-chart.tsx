import { formatQuantity } from '@/lib/format';
import type { DailyMovement } from '@/lib/dashboard/queries';

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { top: 10, right: 8, bottom: 22, left: 8 };

/**
 * Received and issued quantities per day as paired bars. The picture is for the eye only (numbers are
 * turned into pixels, never into amounts); the exact figures are in the visually hidden table after it.
 */
export function MovementChart({ days }: { days: DailyMovement[] }) {
  // Heights only: a float is fine for pixels, the figures themselves stay exact strings.
  const peak = Math.max(1, ...days.flatMap((d) => [Number(d.received), Number(d.issued)]));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.max(1, slot / 2 - 1);
  const h = (value: string) => (Number(value) / peak) * plotH;
  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  return (
    <figure className="relative">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Bar chart of quantities received and issued per day from ${first} to ${last}. The exact numbers are in the table that follows.`}
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#cbd5e1" />
        {days.map((d, i) => {
          const x = PAD.left + i * slot;
          return (
            <g key={d.day}>
              <rect x={x} y={PAD.top + plotH - h(d.received)} width={bar} height={h(d.received)} fill="#1d4ed8" />
              <rect x={x + bar + 1} y={PAD.top + plotH - h(d.issued)} width={bar} height={h(d.issued)} fill="#f59e0b" />
            </g>
          );
        })}
        <text x={PAD.left} y={HEIGHT - 6} fontSize="11" fill="#475569">
          {first}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} fontSize="11" fill="#475569" textAnchor="end">
          {last}
        </text>
      </svg>
      <figcaption className="mt-2 flex gap-4 text-xs text-slate-600" aria-hidden="true">
        <span>
          <span className="mr-1 inline-block size-3 bg-blue-700 align-middle" />
          Received
        </span>
        <span>
          <span className="mr-1 inline-block size-3 bg-amber-500 align-middle" />
          Issued
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>Quantities received and issued per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Received</th>
            <th scope="col">Issued</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{formatQuantity(d.received)}</td>
              <td>{formatQuantity(d.issued)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
