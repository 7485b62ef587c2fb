/**
 * Attribute writes held and sent together: a saver writes a handful of attributes on every node it
 * creates, and one request per call would dominate the cost of a save over HTTP. Held writes go in
 * one `PUT .../attributes` (several objects at once through HSDS's `obj_ids`), after the rows and
 * blocks held beside them, so a reader never sees a `shape` attribute ahead of the data.
 */
import type { BatchPolicy, PendingWrites } from "./batching.js";
import type { HsdsClient, Json } from "./client.js";

interface Held {
  readonly collection: "groups" | "datasets";
  readonly path: string;
  readonly attributes: Map<string, Json>;
}

export class AttrBatch implements PendingWrites {
  private held = new Map<string, Held>();
  private bytes = 0;
  pending = 0;
  since = 0;

  /** @param rootId the domain's root group, through which writes to several objects go */
  constructor(
    private readonly client: HsdsClient,
    private readonly rootId: string,
  ) {}

  /** Holds attribute bodies for object `id`; true when the limits say send now. */
  add(collection: Held["collection"], id: string, path: string, attributes: Record<string, Json>, policy: BatchPolicy): boolean {
    if (this.pending === 0) this.since = Date.now();
    let h = this.held.get(id);
    if (h === undefined) {
      h = { collection, path, attributes: new Map() };
      this.held.set(id, h);
    }
    for (const [name, body] of Object.entries(attributes)) {
      if (!h.attributes.has(name)) this.pending++;
      h.attributes.set(name, body);
      this.bytes += name.length + JSON.stringify(body).length;
    }
    return this.pending >= policy.maxRows || this.bytes >= policy.maxBytes;
  }

  /** True when writes for object `id` are held. */
  holds(id: string): boolean {
    return this.held.has(id);
  }

  flush(): void {
    if (this.pending === 0) return;
    const held = this.held;
    this.held = new Map();
    this.pending = 0;
    this.bytes = 0;
    const body = (h: Held): Json => ({ attributes: Object.fromEntries(h.attributes) });
    if (held.size === 1) {
      const [[id, h]] = [...held.entries()] as [[string, Held]];
      this.client.json("PUT", `/${h.collection}/${id}/attributes`, { params: { replace: 1 }, body: body(h), nodePath: h.path });
      return;
    }
    const objIds: Record<string, Json> = {};
    for (const [id, h] of held) objIds[id] = body(h);
    this.client.json("PUT", `/groups/${this.rootId}/attributes`, { params: { replace: 1 }, body: { obj_ids: objIds }, nodePath: [...held.values()].map((h) => h.path).join(", ") });
  }
}
