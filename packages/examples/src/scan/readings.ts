/**
 * The mock detectors' readings as PyMoDAQ data: one `DataToExport` per detector and acquisition,
 * shaped as a PyMoDAQ detector plugin emits them (a spectrometer's Data1D with two channels over a
 * wavelength axis; a power meter's Data0D).
 *
 * @example
 * const spectro = new MockSpectrometer({ seed: 1 });
 * const dte = spectrometerReading(spectro, [0.35, -0.25]);   // DataToExport "spectrometer", Data1D
 */
import { Axis, DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
import type { MockPowerMeter } from "../mock/power-meter.js";
import { SPECTROMETER_CHANNELS, type MockSpectrometer } from "../mock/spectrometer.js";

/** The names the readings carry (detector = DataToExport name, data = DataWithAxes name). */
export const READING_NAMES = {
  spectrometer: "spectrometer",
  spectrum: "spectrum",
  powerMeter: "power meter",
  power: "power",
} as const;

/** The label of the power meter's single channel. */
export const POWER_CHANNEL = "P";

/**
 * The spectrometer's wavelength axis, as a linear Axis (offset + scaling: nothing to validate per
 * acquisition, and saved as PyMoDAQ saves a linear axis).
 * @param spectro the spectrometer
 */
export function wavelengthAxis(spectro: MockSpectrometer): Axis {
  return new Axis("wavelength", "nm", null, {
    offset: spectro.start,
    scaling: spectro.step,
    size: spectro.wavelengths.length,
    index: 0,
  });
}

/**
 * One spectrometer acquisition at `position`: a Data1D DataRaw with channels ch0 and ch1.
 * @param spectro the spectrometer
 * @param position normalised sample coordinates
 * @param axis the wavelength axis (default: a new one); pass one built once to save time in loops
 */
export function spectrumData(
  spectro: MockSpectrometer,
  position: readonly number[],
  axis: Axis = wavelengthAxis(spectro),
): DataRaw {
  const channels = spectro.acquire(position);
  const n = spectro.wavelengths.length;
  return new DataRaw(READING_NAMES.spectrum, {
    data: channels.map((c) => new NDArray("float64", [n], c)),
    labels: [...SPECTROMETER_CHANNELS],
    axes: [axis],
    units: "a.u.",
  });
}

/**
 * One power meter reading at `position`: a Data0D DataRaw in W.
 * @param meter the power meter
 * @param position normalised sample coordinates
 */
export function powerData(meter: MockPowerMeter, position: readonly number[]): DataRaw {
  return new DataRaw(READING_NAMES.power, {
    data: [new NDArray("float64", [1], Float64Array.of(meter.read(position)))],
    labels: [POWER_CHANNEL],
    units: meter.units,
  });
}

/** {@link spectrumData} as the spectrometer's DataToExport. */
export function spectrometerReading(spectro: MockSpectrometer, position: readonly number[], axis?: Axis): DataToExport {
  return new DataToExport(READING_NAMES.spectrometer, { data: [spectrumData(spectro, position, axis)] });
}

/** {@link powerData} as the power meter's DataToExport. */
export function powerMeterReading(meter: MockPowerMeter, position: readonly number[]): DataToExport {
  return new DataToExport(READING_NAMES.powerMeter, { data: [powerData(meter, position)] });
}
