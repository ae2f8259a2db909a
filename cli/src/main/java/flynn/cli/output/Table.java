package flynn.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned text columns exactly as Flynn prints them with Go's {@code tabwriter} (min width 1,
 * padding 2, spaces): every cell but the last of a row is padded to the widest cell of its column
 * within the block of consecutive rows that have that column.
 */
public final class Table {
  private static final int PADDING = 2;

  private final List<List<String>> rows = new ArrayList<>();

  public Table row(Object... cells) {
    List<String> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(cell == null ? "" : cell.toString());
    }
    rows.add(row);
    return this;
  }

  public Table row(List<?> cells) {
    return row(cells.toArray());
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    format(out, new ArrayList<>(), 0, rows.size());
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }

  /** Go tabwriter's recursive column-block algorithm, for rows [from, to). */
  private void format(StringBuilder out, List<Integer> widths, int from, int to) {
    int column = widths.size();
    int start = from;
    for (int i = from; i < to; i++) {
      if (!hasAlignedCell(rows.get(i), column)) {
        continue;
      }
      write(out, widths, start, i);
      int width = 1;
      int end = i;
      for (; end < to && hasAlignedCell(rows.get(end), column); end++) {
        width = Math.max(width, length(rows.get(end).get(column)) + PADDING);
      }
      widths.add(width);
      format(out, widths, i, end);
      widths.remove(widths.size() - 1);
      start = end;
      i = end - 1;
    }
    write(out, widths, start, to);
  }

  /** A cell is aligned when a tab follows it, i.e. it is not the row's last cell. */
  private static boolean hasAlignedCell(List<String> row, int column) {
    return column < row.size() - 1;
  }

  private void write(StringBuilder out, List<Integer> widths, int from, int to) {
    for (int r = from; r < to; r++) {
      List<String> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        out.append(cell);
        if (c < widths.size() && c < row.size() - 1) {
          out.append(" ".repeat(widths.get(c) - length(cell)));
        }
      }
      out.append('\n');
    }
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
