export const packageName = "@pymodaq-ts/h5-lowlevel";
