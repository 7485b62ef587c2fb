export const packageName = "@pymodaq-ts/data-model";
export * from "./pyvalue.js";
