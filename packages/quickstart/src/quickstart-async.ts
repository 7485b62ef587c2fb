// Without holding up the event loop: a 1-D scan with a camera (a 64 x 64 image per position)
// saved by a BackgroundSaver (libhdf5's work on a worker thread), then read back slab by slab
// with the reads on the libuv pool. Run: npx tsx quickstart-async.ts [file.h5]
import { Axis, DataRaw, DataToExport, NDArray } from "@pymodaq-ts/data-model";
import { BackgroundSaver, DataLoader } from "@pymodaq-ts/data-saving";

const file = process.argv[2] ?? "quickstart-async.h5";
const xs = Float64Array.from({ length: 20 }, (_, i) => i * 0.5); // stage positions in mm

/** The camera's image at one stage position: a spot that moves across it with x. */
function image(x: number): DataToExport {
  const pixels = Float64Array.from({ length: 64 * 64 }, (_, k) => {
    const [row, col] = [Math.floor(k / 64), k % 64];
    return Math.round(100 * Math.exp(-(((row - 32) / 6) ** 2) - (((col - 10 - 4 * x) / 6) ** 2)));
  });
  return new DataToExport("camera", { data: [new DataRaw("image", { data: [new NDArray("float64", [64, 64], pixels)] })] });
}

const saver = new BackgroundSaver({ saver: { kind: "extended", extendedShape: [xs.length] } });
await saver.initFile(file, { newFile: true });
const scan = await saver.addScanGroup("/RawData", "quick start"); // group calls resolve with the path
const camera = await saver.addDetGroup(scan, "camera");
await saver.addNavAxes(scan, [new Axis("x", "mm", new NDArray("float64", [xs.length], xs), { index: 0 })]);
for (const [ix, x] of xs.entries()) await saver.addData(camera, image(x), [ix]); // resolves once queued
await saver.close(); // every queued call written, the file closed

await using loader = await DataLoader.open(file); // read-only; closed off the main thread at the end
const node = "/RawData/Scan000/Detector000/Data2D/CH00/Data00";
const whole = await loader.loadDataAsync(node);
console.log(`${whole.name}: ${whole.dim}, shape [${whole.shape}], nav indexes [${whole.navIndexes}]`);
for await (const { start, stop, data } of loader.navSlabs(node, { slabSize: 8 })) {
  const counts = data.data[0]!.toNumbers().reduce((sum, value) => sum + value, 0);
  console.log(`positions ${start} to ${stop - 1}: shape [${data.shape}], ${counts} counts`);
}
