package cn.ecozone.accesslist;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Import and export of the whole list in the three interchange formats (xlsx, CSV, JSON). An import validates
 * everything first and names the place of each error (sheet, row and column); a list with any error is not returned.
 */
public final class AccessListImport {
    private AccessListImport() {}

    public enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        CSV("text/csv; charset=utf-8", "csv"),
        JSON("application/json; charset=utf-8", "json");

        private final String contentType, extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() { return contentType; }

        public String extension() { return extension; }

        /** {@code xlsx}, {@code csv} or {@code json} (any case); {@link AccessListException} otherwise. */
        public static Format of(String name) {
            String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            for (Format f : values()) if (f.extension.equals(n)) return f;
            throw new AccessListException("格式应为 xlsx、csv 或 json / format must be xlsx, csv or json, got \"" + name + "\"");
        }

        /** By the file name's ending; null when it has none of the three. */
        public static Format ofFileName(String file) {
            String n = file.toLowerCase(Locale.ROOT);
            for (Format f : values()) if (n.endsWith("." + f.extension)) return f;
            return null;
        }

        /**
         * From the content: a zip (PK) is xlsx; text whose first non-blank character is '{' is JSON; other text is CSV.
         * The content type only decides when the bytes say nothing (an empty body).
         */
        public static Format detect(String contentType, byte[] body) {
            if (body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) return XLSX;
            int i = 0;
            if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) i = 3;
            while (i < body.length && Character.isWhitespace(body[i])) i++;
            if (i < body.length) return body[i] == '{' ? JSON : CSV;
            String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            return t.contains("spreadsheetml") ? XLSX : t.contains("json") ? JSON : CSV;
        }
    }

    /** The list when every check passed; otherwise null and every located error. */
    public record Result(AccessList list, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        static Result of(AccessList list, List<String> errors) {
            return errors.isEmpty() ? new Result(list, List.of()) : new Result(null, errors);
        }

        static Result failed(String error) {
            return new Result(null, List.of(error));
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        /** The list, or {@link AccessListException} with every error, one per line. */
        public AccessList orThrow() {
            if (ok()) return list;
            throw new AccessListException("准入清单有 " + errors.size() + " 处错误，未导入 / " + errors.size() + " errors, nothing imported:\n  "
                    + String.join("\n  ", errors));
        }
    }

    /** Reads and validates; {@code knownUnitCodes} null skips the check against the control_unit layer. */
    public static Result read(byte[] bytes, Format format, Set<String> knownUnitCodes) {
        return switch (format) {
            case XLSX -> AccessListXlsx.read(bytes, knownUnitCodes);
            case CSV -> AccessListCsv.read(bytes, knownUnitCodes);
            case JSON -> readJson(bytes, knownUnitCodes);
        };
    }

    private static Result readJson(byte[] bytes, Set<String> knownUnitCodes) {
        AccessList list;
        try {
            list = AccessListJson.parse(bytes);
        } catch (AccessListException e) {
            return Result.failed(e.getMessage());
        }
        ImportLog log = new ImportLog();
        for (int i = 0; i < list.units().size(); i++) log.unit(list.units().get(i).code(), "units[" + i + "]");
        for (int i = 0; i < list.requirements().size(); i++) log.requirement(list.requirements().get(i).id(), "requirements[" + i + "]");
        return Result.of(list, log.finish(list, knownUnitCodes));
    }

    public static byte[] write(AccessList list, Format format) {
        return switch (format) {
            case XLSX -> AccessListXlsx.bytes(list);
            case CSV -> AccessListCsv.bytes(list);
            case JSON -> AccessListJson.bytes(list);
        };
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
