export const packageName = "@pymodaq-ts/examples";
