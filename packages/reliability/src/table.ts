/** Plain-text tables for the terminal and the README (GitHub-flavoured Markdown). */

export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, c) => Math.max(3, ...cells.map((r) => r[c]!.length)));
  const line = (r: readonly string[]): string => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(" | ")} |`;
  return [line(cells[0]!), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}
