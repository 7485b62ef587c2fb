export const packageName = "@pymodaq-ts/data-saving";
