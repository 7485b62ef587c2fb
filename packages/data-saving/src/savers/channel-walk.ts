/**
 * The walk every DataToExport saver does (spec §6.2): for each dim present (Data0D, Data1D,
 * Data2D, DataND), the plain group `where/<dim>`, then for each DataWithAxes of that dim in
 * name order the group `CH{i:02d}` titled with its name. The groups are resolved once per saver
 * and kept (a session-bound cache), so a scan point or an append costs no group look-up.
 */
import type { DataToExport, DataWithAxes } from "@pymodaq-ts/data-model";
import { channelGroupName } from "../layout.js";
import type { Where } from "../lowlevel/h5backend.js";
import type { GROUP } from "../nodes/group.js";
import type { H5SaverLowLevel } from "../saver-lowlevel.js";

/** Get-or-create groups through `getSetGroup`, remembered by parent path and name. */
export class GroupCache {
  private readonly groups = new Map<string, GROUP>();

  constructor(private readonly h5saver: H5SaverLowLevel) {}

  /**
   * The child group `name` of `parent`, created with `title` when absent (an existing group
   * keeps its title, as `getSetGroup`).
   * @throws NodeError when `name` exists and is not a group.
   */
  getSet(parent: Where, name: string, title = ""): GROUP {
    const parentPath = typeof parent === "string" ? parent : parent.path;
    const key = `${parentPath}\u0000${name}`;
    const hit = this.groups.get(key);
    if (hit !== undefined && hit.session.isOpen) return hit;
    const group = this.h5saver.getSetGroup(parent, name, title);
    this.groups.set(key, group);
    return group;
  }
}

/** The DataWithAxes of one dim, sorted by name (stable, code-point order: DM §7.4). */
function dataOfDim(dte: DataToExport, dim: string): readonly DataWithAxes[] {
  return dte.getDataFromDim(dim).data;
}

/**
 * Calls `save(channelGroup, dwa)` for every DataWithAxes of `dte`, in the saver's order.
 * @param groups the saver's group cache
 * @param where the group under which the dim groups live
 */
export function forEachChannel(
  groups: GroupCache,
  where: Where,
  dte: DataToExport,
  save: (channel: GROUP, dwa: DataWithAxes) => void,
): void {
  for (const dim of dte.getDimPresents()) {
    const dimGroup = groups.getSet(where, dim);
    dataOfDim(dte, dim).forEach((dwa, i) => {
      save(groups.getSet(dimGroup, channelGroupName(i), dwa.name), dwa);
    });
  }
}
