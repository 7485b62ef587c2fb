/**
 * The walk every DataToExport saver does (file-format.md §6.2): for each dim present (Data0D, Data1D,
 * Data2D, DataND), the plain group `where/<dim>`, then for each DataWithAxes of that dim in
 * name order the group `CH{i:02d}` titled with its name. The groups are resolved once per saver
 * and kept (bound to the open file), so a scan point or an append costs no group look-up.
 */
import type { DataToExport, DataWithAxes } from "@pymodaq-ts/data-model";
import { channelGroupName, compareNodeNames, DATA_DIMS, type DataDimName } from "../conventions/layout.js";
import { pathOf, type Where } from "../conventions/h5-backend.js";
import type { GROUP } from "../conventions/nodes/group.js";
import type { H5SaverLowLevel } from "../conventions/h5-saver-lowlevel.js";

/** A dim group and its channel groups by position. */
interface DimGroups {
  readonly group: GROUP;
  readonly channels: GROUP[];
}

/**
 * The DataWithAxes of one dim in the saver's order: `DataToExport.getDataFromDim` (DM §7.4),
 * i.e. sorted by name, stable, by code point. Done here on the plain list because it runs for
 * every call of a scan or a logger.
 */
function dataOfDim(all: readonly DataWithAxes[], dim: DataDimName): DataWithAxes[] {
  const list: DataWithAxes[] = [];
  for (const dwa of all) if (dwa.dim.name === dim) list.push(dwa);
  if (list.length > 1) list.sort((a, b) => compareNodeNames(a.name, b.name));
  return list;
}

/** The per-group map of `outer` for the group `where` (created empty on first use). */
function innerMap<K, V>(outer: Map<string, Map<K, V>>, where: Where): Map<K, V> {
  const path = pathOf(where);
  let inner = outer.get(path);
  if (inner === undefined) {
    inner = new Map();
    outer.set(path, inner);
  }
  return inner;
}

/** The dim and channel groups a DataToExport saver writes into, resolved once per `where`. */
export class ChannelGroups {
  private readonly byWhere = new Map<string, Map<DataDimName, DimGroups>>();
  private readonly others = new Map<string, Map<string, GROUP>>();

  constructor(private readonly h5saver: H5SaverLowLevel) {}

  /**
   * The child group `name` of `parent`, got or created (`getSetGroup`: an existing group keeps
   * its title), remembered for the next calls (the NavAxes group of every append).
   * @throws NodeError when `name` exists and is not a group.
   */
  getSet(parent: Where, name: string, title = ""): GROUP {
    const byName = innerMap(this.others, parent);
    const hit = byName.get(name);
    if (hit !== undefined && hit.session.isOpen) return hit;
    const group = this.h5saver.getSetGroup(parent, name, title);
    byName.set(name, group);
    return group;
  }

  private dimGroups(where: Where, dim: DataDimName): DimGroups {
    const dims = innerMap(this.byWhere, where);
    let entry = dims.get(dim);
    if (entry === undefined || !entry.group.session.isOpen) {
      entry = { group: this.h5saver.getSetGroup(where, dim), channels: [] };
      dims.set(dim, entry);
    }
    return entry;
  }

  /**
   * Calls `save(channelGroup, dwa)` for every DataWithAxes of `dte`, in the saver's order
   * (dims in enum order, channels in name order within a dim).
   * @param where the group under which the dim groups live
   * @throws NodeError when `where` is not a group
   */
  forEachChannel(where: Where, dte: DataToExport, save: (channel: GROUP, dwa: DataWithAxes) => void): void {
    const all = dte.data;
    for (const dim of DATA_DIMS) {
      const list = dataOfDim(all, dim);
      if (list.length === 0) continue;
      const entry = this.dimGroups(where, dim);
      for (let i = 0; i < list.length; i++) {
        const dwa = list[i] as DataWithAxes;
        let channel = entry.channels[i];
        if (channel === undefined) {
          channel = this.h5saver.getSetGroup(entry.group, channelGroupName(i), dwa.name);
          entry.channels[i] = channel;
        }
        save(channel, dwa);
      }
    }
  }
}
