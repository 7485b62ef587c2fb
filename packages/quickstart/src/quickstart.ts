// Quick start: a 2-D scan (stage x, y) with a 1-D detector (a spectrum over a wavelength axis),
// saved as PyMoDAQ saves it, then loaded back. Run: npx tsx quickstart.ts [file.h5]
import { Axis, DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
import { DataLoader, DataToExportExtendedSaver, H5SaverLowLevel } from "@pymodaq-ts/data-saving";

const file = process.argv[2] ?? "quickstart.h5";
const xs = Float64Array.of(-1, 0, 1); // stage positions in mm
const ys = Float64Array.of(-0.5, 0, 0.5, 1);
const wavelength = new Axis("wavelength", "nm", null, { offset: 400, scaling: 0.5, size: 256, index: 0 });

/** The detector's reading at one stage position: a Gaussian line that moves with x and y. */
function spectrum(x: number, y: number): DataToExport {
  const centre = 128 + 40 * x + 20 * y;
  const counts = Float64Array.from({ length: 256 }, (_, i) => 1000 * Math.exp(-(((i - centre) / 12) ** 2)));
  const data = new DataRaw("spectrum", { data: [new NDArray("float64", [256], counts)], axes: [wavelength], units: "counts" });
  return new DataToExport("spectrometer", { data: [data] });
}

{
  using h5 = new H5SaverLowLevel({ saveType: "scan" }); // the file is closed at the end of the block
  h5.initFile(file, { newFile: true });
  const scan = h5.addScanGroup(h5.rawGroup, "quick start"); // /RawData/Scan000
  const detector = h5.addDetGroup(scan, "spectrometer"); // /RawData/Scan000/Detector000
  const saver = new DataToExportExtendedSaver(h5, [xs.length, ys.length]);
  saver.addNavAxes(scan, [
    new Axis("x", "mm", new NDArray("float64", [xs.length], xs), { index: 0 }),
    new Axis("y", "mm", new NDArray("float64", [ys.length], ys), { index: 1 }),
  ]);
  xs.forEach((x, ix) => ys.forEach((y, iy) => saver.addData(detector, spectrum(x, y), [ix, iy])));
}

{
  using loader = new DataLoader(file); // read-only
  const data = loader.loadData("/RawData/Scan000/Detector000/Data1D/CH00/Data00");
  console.log(`${data.name}: ${data.dim}, shape [${data.shape}], nav indexes [${data.navIndexes}]`);
  console.log(`axes: ${data.axes.map((axis) => `${axis.label} (${axis.units})`).join(", ")}`);
}
