export const packageName = "@pymodaq-ts/data-model";
