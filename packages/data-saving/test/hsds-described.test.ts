/**
 * The whole-domain description HSDS gives with `GET /?getobjs=1&include_attrs=1`, read without a
 * service: the answers below have the form HSDS 0.9.4 gives (storage.hsds.test.ts checks the real
 * service's answers through the loads); what is malformed is left out, to be asked for on use.
 */
import { describe, expect, it } from "vitest";
import type { Json } from "../src/storage/hsds/client.js";
import { attributesOf, describedObjects, linksOf } from "../src/storage/hsds/described.js";

const STRING = { class: "H5T_STRING", charSet: "H5T_CSET_UTF8", strPad: "H5T_STR_NULLTERM", length: "H5T_VARIABLE" };
const ROOT = "g-1111-root";
const RAW = "g-2222-raw";
const DATA = "d-3333-data";

function answer(): Record<string, Json> {
  return {
    root: ROOT,
    class: "domain",
    domain_objs: {
      [ROOT]: {
        id: ROOT, root: ROOT, linkCount: 2, attributeCount: 1,
        links: {
          RawData: { id: RAW, class: "H5L_TYPE_HARD", created: 1.5 },
          Elsewhere: { class: "H5L_TYPE_SOFT", h5path: "/RawData", created: 1.5 },
        },
        attributes: { TITLE: { type: STRING, shape: { class: "H5S_SCALAR" }, value: "PyMoDAQ file", created: 1.5 } },
      },
      [RAW]: {
        id: RAW, root: ROOT, linkCount: 1, attributeCount: 0,
        links: { Data00: { id: DATA, class: "H5L_TYPE_HARD", created: 1.5 } },
        attributes: {},
      },
      [DATA]: {
        id: DATA, root: ROOT, attributeCount: 2,
        type: { class: "H5T_FLOAT", base: "H5T_IEEE_F64LE" },
        shape: { class: "H5S_SIMPLE", dims: [3, 4], maxdims: [3, 4] },
        layout: { class: "H5D_CHUNKED", dims: [3, 4] },
        attributes: {
          EXTDIM: { type: { class: "H5T_INTEGER", base: "H5T_STD_I64LE" }, shape: { class: "H5S_SCALAR" }, value: 0, created: 1.5 },
          empty: { type: { class: "H5T_STRING", charSet: "H5T_CSET_ASCII", strPad: "H5T_STR_NULLPAD", length: 1 }, shape: { class: "H5S_NULL" }, created: 1.5 },
        },
      },
    },
  };
}

describe("describedObjects", () => {
  it("takes every well-formed object of the answer, by id", () => {
    const objects = describedObjects(answer());
    expect([...objects.keys()].sort()).toEqual([DATA, ROOT, RAW].sort());
    expect(objects.get(DATA)!["shape"]).toEqual({ class: "H5S_SIMPLE", dims: [3, 4], maxdims: [3, 4] });
  });

  it("gives none for an answer without objects (a domain past the service's limit) or with objects of another form", () => {
    const { domain_objs: _, ...plain } = answer();
    expect(describedObjects(plain).size).toBe(0);
    expect(describedObjects({ ...plain, domain_objs: null }).size).toBe(0);
    expect(describedObjects({ ...plain, domain_objs: [ROOT] }).size).toBe(0);
  });

  it("leaves out what it cannot stand for: a failed read, a wrong id, bad links or attributes, a dataset without type or shape, an unknown collection", () => {
    const a = answer();
    const objs = a["domain_objs"] as Record<string, Record<string, Json>>;
    const bad: Record<string, Json> = {
      "g-failed": { status: 500 },
      "g-other": { ...objs[RAW]!, id: "g-else" },
      "g-links": { ...objs[RAW]!, id: "g-links", links: { x: "H5L_TYPE_HARD" } },
      "g-linkclass": { ...objs[RAW]!, id: "g-linkclass", links: { x: { id: DATA } } },
      "g-noattrs": { ...objs[RAW]!, id: "g-noattrs", attributes: [] },
      "d-notype": { ...objs[DATA]!, id: "d-notype", type: undefined as unknown as Json },
      "d-attr": { ...objs[DATA]!, id: "d-attr", attributes: { a: 1 } },
      "t-type": { id: "t-type", type: { class: "H5T_FLOAT", base: "H5T_IEEE_F32LE" }, attributes: {} },
      "x-what": { id: "x-what", attributes: {} },
    };
    const objects = describedObjects({ ...a, domain_objs: { ...objs, ...JSON.parse(JSON.stringify(bad)) } });
    expect([...objects.keys()].sort()).toEqual([DATA, ROOT, RAW].sort());
  });
});

describe("linksOf and attributesOf", () => {
  it("give the lists of GET /groups/{id}/links and GET .../attributes", () => {
    const objects = describedObjects(answer());
    expect(linksOf(objects.get(ROOT)!)).toEqual([
      { title: "RawData", class: "H5L_TYPE_HARD", id: RAW, collection: "groups" },
      { title: "Elsewhere", class: "H5L_TYPE_SOFT" },
    ]);
    expect(linksOf(objects.get(RAW)!)).toEqual([{ title: "Data00", class: "H5L_TYPE_HARD", id: DATA, collection: "datasets" }]);
    expect(attributesOf(objects.get(RAW)!)).toEqual([]);
    expect(attributesOf(objects.get(DATA)!).map((x) => [x.name, x["value"]])).toEqual([["EXTDIM", 0], ["empty", undefined]]);
  });
});
