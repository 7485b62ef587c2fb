// Quick start in plain JavaScript (CommonJS; in an ES module, import the same names as in
// quickstart.ts): the 2-D scan with a 1-D detector saved, then loaded. Run: node quickstart.cjs [file.h5]
const { Axis, DataRaw, DataToExport, NDArray } = require("@pymodaq-ts/data-model");
const { DataLoader, DataToExportExtendedSaver, H5SaverLowLevel } = require("@pymodaq-ts/data-saving");

const file = process.argv[2] ?? "quickstart.h5";
const xs = Float64Array.of(-1, 0, 1); // stage positions in mm
const ys = Float64Array.of(-0.5, 0, 0.5, 1);
const wavelength = new Axis("wavelength", "nm", null, { offset: 400, scaling: 0.5, size: 256, index: 0 });

/** The detector's reading at one stage position: a Gaussian line that moves with x and y. */
function spectrum(x, y) {
  const centre = 128 + 40 * x + 20 * y;
  const counts = Float64Array.from({ length: 256 }, (_, i) => 1000 * Math.exp(-(((i - centre) / 12) ** 2)));
  const data = new DataRaw("spectrum", { data: [new NDArray("float64", [256], counts)], axes: [wavelength], units: "counts" });
  return new DataToExport("spectrometer", { data: [data] });
}

const h5 = new H5SaverLowLevel({ saveType: "scan" });
try {
  h5.initFile(file, { newFile: true });
  const scan = h5.addScanGroup(h5.rawGroup, "quick start"); // /RawData/Scan000
  const detector = h5.addDetGroup(scan, "spectrometer"); // /RawData/Scan000/Detector000
  const saver = new DataToExportExtendedSaver(h5, [xs.length, ys.length]);
  saver.addNavAxes(scan, [
    new Axis("x", "mm", new NDArray("float64", [xs.length], xs), { index: 0 }),
    new Axis("y", "mm", new NDArray("float64", [ys.length], ys), { index: 1 }),
  ]);
  xs.forEach((x, ix) => ys.forEach((y, iy) => saver.addData(detector, spectrum(x, y), [ix, iy])));
} finally {
  h5.closeFile();
}

const loader = new DataLoader(file); // read-only
try {
  const data = loader.loadData("/RawData/Scan000/Detector000/Data1D/CH00/Data00");
  console.log(`${data.name}: ${data.dim}, shape [${data.shape}], nav indexes [${data.navIndexes}]`);
  console.log(`axes: ${data.axes.map((axis) => `${axis.label} (${axis.units})`).join(", ")}`);
} finally {
  loader.closeFile();
}
