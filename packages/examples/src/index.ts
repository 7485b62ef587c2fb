/**
 * Library side of the examples package: the mock detectors and the plot helpers the runnable examples
 * use, exported so other packages' tests and benchmarks can reuse them. The command line lives in
 * `main.ts` (`node dist/main.js <example> --help`).
 *
 * @example
 * import { MockSpectrometer, renderSpectrum, writePicture } from "@pymodaq-ts/examples";
 * const spectro = new MockSpectrometer({ seed: 1 });
 * const [ch0, ch1] = spectro.acquire([0.35, -0.25]);
 * const picture = await renderSpectrum({
 *   x: { label: "wavelength", units: "nm", values: spectro.wavelengths },
 *   y: { label: "intensity", units: "a.u." },
 *   channels: [{ label: "ch0", values: ch0 }, { label: "ch1", values: ch1 }],
 * });
 * await writePicture(picture, "/tmp/spectrum");   // spectrum.svg, spectrum.png
 */
export { InvalidOptionsError, UsageError, isInvalidOptionsError, isUsageError } from "./errors.js";
export { MockPowerMeter, type PowerMeterOptions } from "./mock/power-meter.js";
export { randomStream, streamKey, type RandomStream } from "./mock/random.js";
export { peakAt, type Peak } from "./mock/scene.js";
export { MockSpectrometer, SPECTROMETER_CHANNELS, type SpectrometerOptions } from "./mock/spectrometer.js";
export { heatmapSpec, renderHeatmap, type HeatmapInput, type HeatmapOptions, type PlotAxis } from "./plot/heatmap.js";
export { axisTitle, renderVegaLite, writePicture, type Picture, type RenderOptions } from "./plot/render.js";
export { renderSpectrum, spectrumSpec, type SpectrumInput, type SpectrumOptions } from "./plot/spectrum.js";
export { renderDataPlot } from "./plot/data-plot.js";
export { scanGrid, type ScanGrid, type ScanGridOptions } from "./scan/grid.js";
export { saveScan, type SavedScan, type SaveScanOptions } from "./scan/save-scan.js";
export {
  POWER_CHANNEL, READING_NAMES, powerData, powerMeterReading, spectrometerReading, spectrumData, wavelengthAxis,
} from "./scan/readings.js";
export { hillClimb, type HillClimbOptions, type WalkPoint } from "./scan/hill-climb.js";
export { integratedMap, renderScanPictures, type IntegratedMap, type ScanPictures } from "./scan/scan-pictures.js";
export { describeAxis, describeData, formatMB, formatNumber, formatShape, payloadBytes } from "./report/describe.js";
export { DATA_NODE_TYPES, dataNodePaths, nodeLine, treeLines } from "./report/tree.js";
export { loggerMessages } from "./report/logger-messages.js";
export { STOP_SIGNALS, StopSignal, type StopSignalName } from "./run/stop-signal.js";
