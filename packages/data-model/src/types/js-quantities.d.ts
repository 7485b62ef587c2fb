// The part of js-quantities 1.8 (which ships no typings) that units.ts uses.
declare module "js-quantities" {
  interface Qty {
    readonly scalar: number;
    units(): string;
    isUnitless(): boolean;
    isCompatible(other: Qty | string): boolean;
  }
  interface QtyStatic {
    (value: string): Qty;
    parse(value: string): Qty | null;
    swiftConverter(from: string, to: string): (value: number) => number;
  }
  const Qty: QtyStatic;
  export default Qty;
}
