/**
 * A whole domain described in one answer: `GET /?getobjs=1&include_attrs=1` gives, with the
 * domain's description, every object's links, attributes, type and shape, as long as the domain
 * holds fewer objects than the service's `domain_req_max_objects_limit` (500 by default; past it
 * the answer has none). A domain described so (at `openAsync`, or by a synchronous session once it
 * has looked up DESCRIBE_ALL_AFTER objects one by one, domain.ts) takes each object's description
 * from it instead of asking the service on the object's first use, a blocking request each.
 */
import type { Json } from "./client.js";

/** Object descriptions by HSDS id, each in the form of `GET /groups/{id}` or `GET /datasets/{id}` plus its `attributes` (and a group's `links`). */
export type DescribedObjects = ReadonlyMap<string, Readonly<Record<string, Json>>>;

/** A link in the form of `GET /groups/{id}/links`'s list. */
export interface LinkJson {
  readonly title: string;
  readonly class: string;
  readonly id?: string;
  readonly collection?: string;
}

/** An attribute in the form of `GET /{collection}/{id}/attributes`'s list. */
export type NamedAttrJson = Record<string, Json> & { readonly name: string };

const isRecord = (v: Json | undefined): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const allRecords = (v: Json | undefined): v is Record<string, Record<string, Json>> => isRecord(v) && Object.values(v).every(isRecord);

/** HSDS ids name their collection: `g-` groups, `d-` datasets, `t-` committed datatypes. */
function collectionOf(id: string): string | undefined {
  return id.startsWith("g-") ? "groups" : id.startsWith("d-") ? "datasets" : id.startsWith("t-") ? "datatypes" : undefined;
}

/** Whether `o` describes object `id` completely enough to stand for the requests it replaces. */
function wellFormed(id: string, o: Json): o is Record<string, Json> {
  if (!isRecord(o) || o["id"] !== id || !allRecords(o["attributes"])) return false;
  const collection = collectionOf(id);
  if (collection === "groups") return allRecords(o["links"]) && Object.values(o["links"]).every((l) => typeof l["class"] === "string");
  if (collection === "datasets") return o["type"] !== undefined && o["shape"] !== undefined;
  return false;
}

/**
 * The objects of an answer to `GET /?getobjs=1&include_attrs=1`, by id. An answer without them
 * (too many objects, or a service that ignores the parameters) gives none; an entry that is not a
 * well-formed description (an object the service failed to read is given as `{"status": ...}`)
 * is left out: that object is asked for when it is used.
 */
export function describedObjects(answer: Readonly<Record<string, Json>>): DescribedObjects {
  const objects = new Map<string, Record<string, Json>>();
  const all = answer["domain_objs"];
  if (!isRecord(all)) return objects;
  for (const [id, o] of Object.entries(all)) if (wellFormed(id, o)) objects.set(id, o);
  return objects;
}

/** The links of a described group, as `GET /groups/{id}/links` lists them. */
export function linksOf(group: Readonly<Record<string, Json>>): LinkJson[] {
  return Object.entries(group["links"] as Record<string, Record<string, Json>>).map(([title, l]) => {
    const id = typeof l["id"] === "string" ? l["id"] : undefined;
    const collection = id === undefined ? undefined : collectionOf(id);
    return { title, class: String(l["class"]), ...(id === undefined ? {} : { id }), ...(collection === undefined ? {} : { collection }) };
  });
}

/** The attributes of a described object, as `GET /{collection}/{id}/attributes?IncludeData=1` lists them. */
export function attributesOf(object: Readonly<Record<string, Json>>): NamedAttrJson[] {
  return Object.entries(object["attributes"] as Record<string, Record<string, Json>>).map(([name, a]) => ({ ...a, name }));
}
