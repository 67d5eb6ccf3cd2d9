import { formatRate, gaugeFraction } from './kpi-format';

interface Props {
  unitsSold: number;
  unitsTotal: number;
  sellThrough: number | null;
}

const R = 80;
const ARC = Math.PI * R;

/** A half-circle filled to the drop's sell-through, with the API's numbers written under it. */
export function SellThroughGauge({ unitsSold, unitsTotal, sellThrough }: Props) {
  const filled = gaugeFraction(sellThrough) * ARC;
  const text = formatRate(sellThrough);
  return (
    <figure className="dash-gauge">
      <svg viewBox="0 0 200 112" role="img" aria-label={`Sell-through ${text}`}>
        <path className="dash-gauge__track" d="M 20 100 A 80 80 0 0 1 180 100" pathLength={ARC} />
        {/* A round cap would draw a dot at 0 %: no fill path until something sold. */}
        {filled > 0 && (
          <path
            className="dash-gauge__fill"
            d="M 20 100 A 80 80 0 0 1 180 100"
            pathLength={ARC}
            strokeDasharray={`${filled} ${ARC}`}
          />
        )}
      </svg>
      <figcaption>
        <span className="dash-gauge__value">{text}</span>
        <span className="muted">
          sell-through · {unitsSold} of {unitsTotal} units
        </span>
      </figcaption>
    </figure>
  );
}
