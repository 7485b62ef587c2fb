/**
 * Every attribute of every fixture file, through our codec: the raw stored text (recorded in
 * `raw_attrs` of each expected JSON) must decode to what PyMoDAQ's reader returned (`attrs`),
 * and each envelope must be re-encoded byte for byte from its parsed data.
 */
import { readFileSync } from "node:fs";
import { fixtureNames, fixturePath } from "@pymodaq-ts/test-support";
import { describe, expect, it } from "vitest";
import { canonicalValue } from "../src/tools/canonical/values.js";
import { decodeAttr, decodeRawText, encodeEnvelope } from "../src/codec/envelope.js";
import { isPyLiteralError } from "../src/codec/errors.js";
import { parsePyLiteral } from "../src/codec/literal.js";
import { pyJsonLoads } from "../src/codec/pyjson.js";
import { pyRepr } from "../src/codec/pyrepr.js";

const files = fixtureNames(".expected.json");

interface TreeEntry {
  CLASS: unknown;
  TITLE: unknown;
  attrs: Record<string, unknown>;
  raw_attrs: Record<string, { value: string | number | null }>;
}

/** Compare as JSON does: numbers by value (the expectation writes 1.0 as 1). */
const normalize = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x)));

describe.each(files)("%s.expected.json", (file) => {
  const tree = JSON.parse(readFileSync(fixturePath(file, ".expected.json"), "utf8")).tree as Record<string, TreeEntry>;

  it("decodeAttr gives the reader's value for every attribute; TITLE / CLASS decode as raw text", () => {
    let checked = 0;
    for (const [path, entry] of Object.entries(tree)) {
      for (const [name, raw] of Object.entries(entry.raw_attrs ?? {})) {
        const text = raw.value === null ? "" : raw.value;
        expect(normalize(canonicalValue(decodeAttr(text))), `${path} @${name}`).toEqual(normalize(entry.attrs[name]));
        checked++;
      }
      const rawTitle = entry.raw_attrs?.TITLE?.value;
      if (rawTitle !== undefined) expect(decodeRawText(rawTitle ?? ""), `${path} TITLE`).toEqual(entry.TITLE);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("every envelope re-encodes byte for byte from its parsed data", () => {
    for (const entry of Object.values(tree)) {
      for (const raw of Object.values(entry.raw_attrs ?? {})) {
        if (typeof raw.value !== "string" || !raw.value.startsWith('{"module"')) continue;
        const env = pyJsonLoads(raw.value) as unknown as { get(k: string): unknown };
        const [module, type, data] = ["module", "type", "data"].map((k) => env.get(k) as string);
        let parsed;
        try {
          parsed = parsePyLiteral(data!);
        } catch (e) {
          // Only nan / inf floats are not literals.
          expect(isPyLiteralError(e) && /^-?(nan|inf)$/.test(data!), data).toBe(true);
          continue;
        }
        expect(encodeEnvelope(module!, type!, pyRepr(parsed))).toBe(raw.value);
      }
    }
  });
});
