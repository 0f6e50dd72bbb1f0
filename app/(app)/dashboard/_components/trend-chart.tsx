"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type TrendDatum = {
  date: string;
  label: string;
  met: number | null;
  metOrOnTrack: number | null;
};

/**
 * The share of subjects met, and met or on track, at each month end (percent). The chart is a
 * picture for the eye (role="img" with a summary label); the table beside it carries the data.
 */
export function TrendChart({
  data,
  label,
  metName,
  metOrOnTrackName,
}: {
  data: TrendDatum[];
  label: string;
  metName: string;
  metOrOnTrackName: string;
}) {
  return (
    <div role="img" aria-label={label} className="h-72 w-full max-w-3xl">
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 640, height: 288 }}
      >
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#44403c" }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12, fill: "#44403c" }} width={48} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v}%` : String(v ?? "—"))} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Line
            type="monotone"
            dataKey="metOrOnTrack"
            name={metOrOnTrackName}
            stroke="#0369a1"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            type="monotone"
            dataKey="met"
            name={metName}
            stroke="#15803d"
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
