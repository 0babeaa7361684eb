package cn.ecozone.accesslist;

import java.util.List;

/** One sheet (or a CSV file) as read: its name, header row and data rows, each with its row number as a user sees it. */
record Table(String name, List<String> header, List<Row> rows) {
    record Row(int number, List<String> cells) {
        String get(int column) {
            return column < 0 || column >= cells.size() || cells.get(column) == null ? "" : cells.get(column);
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** The column with this header (ignoring surrounding blanks), or -1. */
    int column(String title) {
        for (int i = 0; i < header.size(); i++) if (header.get(i) != null && header.get(i).strip().equals(title)) return i;
        return -1;
    }

    /** {@code 「sheet」第 N 行 X 列（header）}, or for a CSV {@code CSV 第 N 行 X 列（header）}. */
    String place(int row, int column) {
        String h = column >= 0 && column < header.size() ? header.get(column).strip() : "";
        return ImportLog.place(name, row, column, h);
    }

    /** Reports each missing column at the header row; true when all are there. */
    boolean requireColumns(List<String> titles, ImportLog log) {
        boolean ok = true;
        for (String t : titles) {
            if (column(t) < 0) {
                log.error(ImportLog.place(name, 1), "缺少列“" + t + "” / missing column \"" + t + "\"");
                ok = false;
            }
        }
        return ok;
    }
}
