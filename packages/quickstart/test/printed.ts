/** What the quick-start scripts print (the root README shows it under them). */
export const PRINTED = "spectrum: DataND, shape [3,4,256], nav indexes [0,1]\naxes: wavelength (nm), x (mm), y (mm)\n";

export const PRINTED_ASYNC = [
  "image: DataND, shape [20,64,64], nav indexes [0]",
  "positions 0 to 7: shape [8,64,64], 90073 counts",
  "positions 8 to 15: shape [8,64,64], 90144 counts",
  "positions 16 to 19: shape [4,64,64], 45072 counts",
  "",
].join("\n");
