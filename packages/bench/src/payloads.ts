/**
 * The payloads of the workloads (WORKLOADS.md), built before the timed region as pymodaq builds
 * its DataToExport objects: one DataToExport per scan point (W1), append (W2) or frame (W4).
 */
import { Axis, DataToExport, DataWithAxes, NDArray } from "@pymodaq-ts/data-model";
import type { WorkloadSizes } from "./workload-options.js";

/** base + step * arange(n), computed as NumPy does (the product, then the sum). */
function ramp(n: number, base: number, step: number): NDArray<"float64"> {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = base + step * i;
  return new NDArray("float64", [n], a);
}

function scalar(v: number): NDArray<"float64"> {
  return new NDArray("float64", [1], Float64Array.of(v));
}

/** W1: the navigation axes and, per point p = ix * NY + iy, a spectrum (2 channels) and a power. */
export function scanPayload(s: WorkloadSizes): { navAxes: Axis[]; points: DataToExport[] } {
  const navAxes = [new Axis("x", "mm", ramp(s.nx, 0.0, 0.1), { index: 0 }), new Axis("y", "mm", ramp(s.ny, 0.0, 0.2), { index: 1 })];
  const points: DataToExport[] = [];
  for (let p = 0; p < s.nx * s.ny; p++) {
    const ch0 = new Float64Array(s.L);
    const ch1 = new Float64Array(s.L);
    for (let k = 0; k < s.L; k++) {
      ch0[k] = p + k / s.L;
      ch1[k] = -(p + k / s.L);
    }
    const spectrum = new DataWithAxes("spectrum", {
      source: "raw",
      dim: "Data1D",
      labels: ["ch0", "ch1"],
      origin: "spectro",
      data: [new NDArray("float64", [s.L], ch0), new NDArray("float64", [s.L], ch1)],
      axes: [new Axis("wavelength", "nm", ramp(s.L, 400, 0.5), { index: 0 })],
    });
    const power = new DataWithAxes("power", {
      source: "raw",
      dim: "Data0D",
      labels: ["P"],
      origin: "spectro",
      units: "W",
      data: [scalar(0.5 * p)],
    });
    points.push(new DataToExport("spectro", { data: [spectrum, power] }));
  }
  return { navAxes, points };
}

/** W2: per append i, two temperatures and a trace of M points, stamped 1000 + 0.1 i. */
export function loggerPayload(s: WorkloadSizes): DataToExport[] {
  const out: DataToExport[] = [];
  for (let i = 0; i < s.n; i++) {
    const trace = new Float64Array(s.m);
    for (let k = 0; k < s.m; k++) trace[k] = i + k / s.m;
    const temps = new DataWithAxes("temps", {
      source: "raw",
      dim: "Data0D",
      labels: ["T0", "T1"],
      origin: "logger",
      data: [scalar(1.0 * i), scalar(-1.0 * i)],
    });
    const tr = new DataWithAxes("trace", {
      source: "raw",
      dim: "Data1D",
      labels: ["trace"],
      origin: "logger",
      data: [new NDArray("float64", [s.m], trace)],
      axes: [new Axis("t", "s", ramp(s.m, 0, 0.001), { index: 0 })],
    });
    out.push(new DataToExport("logger", { data: [temps, tr], timestamp: 1000.0 + 0.1 * i }));
  }
  return out;
}

/** W4: per frame i, an R x C image r * C + c + i * 1e6 with its two axes. */
export function framesPayload(s: WorkloadSizes): DataToExport[] {
  const out: DataToExport[] = [];
  for (let i = 0; i < s.frames; i++) {
    const img = new Float64Array(s.rows * s.cols);
    for (let k = 0; k < img.length; k++) img[k] = k + i * 1e6;
    const name = `camera${String(i).padStart(2, "0")}`;
    const frame = new DataWithAxes("frame", {
      source: "raw",
      dim: "Data2D",
      labels: ["img"],
      origin: name,
      data: [new NDArray("float64", [s.rows, s.cols], img)],
      axes: [new Axis("y", "um", ramp(s.rows, 0, 0.5), { index: 0 }), new Axis("x", "um", ramp(s.cols, 0, 0.5), { index: 1 })],
    });
    out.push(new DataToExport(name, { data: [frame] }));
  }
  return out;
}
