package cn.ecozone.config;

import cn.ecozone.layer.postgis.PgSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the configuration once: each {@link Setting}'s default, then the file ({@code --config FILE}, else the file
 * named by {@code ECOZONE_CONFIG}), then the {@code ECOZONE_*} environment variables, then the {@code serve} flags —
 * a later source wins. The environment is passed in as a map, so tests never touch the real one. Every value is
 * checked (type, range) with a message naming the key and its source; the result remembers where each value came
 * from, for {@code serve --print-config}.
 */
public final class ConfigLoader {
    /** The environment variable naming a configuration file (when {@code --config} is not given). */
    public static final String CONFIG_ENV = "ECOZONE_CONFIG";

    private ConfigLoader() {}

    /** Where a value came from. */
    public record Source(Kind kind, String where) {
        public enum Kind { DEFAULT, FILE, ENV, FLAG }

        static final Source DEFAULT = new Source(Kind.DEFAULT, null);

        @Override
        public String toString() {
            return switch (kind) {
                case DEFAULT -> "默认 default";
                case FILE -> "文件 file " + where;
                case ENV -> "环境变量 env " + where;
                case FLAG -> "参数 flag --" + where;
            };
        }
    }

    /**
     * The configuration, where each value came from, and warnings (environment variables named {@code ECOZONE_*}
     * that are no setting).
     */
    public record Loaded(EcoZoneConfig config, Map<Setting, Source> sources, Path file, List<String> warnings) {
        public Source source(Setting s) {
            return sources.getOrDefault(s, Source.DEFAULT);
        }

        /** The effective configuration, one {@code key = value  # source} line per setting, secrets masked. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append("# EcoZone 生效配置 / effective configuration (密钥已隐藏 / secrets masked)\n");
            b.append("# 配置文件 config file: ").append(file == null ? "无 none" : file.toString()).append('\n');
            line(b, "# mode", config.mode().id(), "由 server.db 决定 / from " + Setting.DB.key + " (" + source(Setting.DB) + ")");
            for (Setting s : Setting.values()) {
                line(b, s.key, masked(s, text(s, config)), source(s).toString());
            }
            return b.toString();
        }

        private static void line(StringBuilder b, String key, String value, String source) {
            String kv = key + " = " + value;
            b.append(kv).append(" ".repeat(Math.max(1, 44 - kv.length()))).append("# ").append(source).append('\n');
        }
    }

    /** Defaults only. */
    public static Loaded defaults() {
        return load(null, Map.of(), Map.of());
    }

    /**
     * @param file the {@code --config} file, or null (then {@code ECOZONE_CONFIG} in {@code env}, if set)
     * @param env environment variables (the production path passes {@code System.getenv()})
     * @param flags {@code serve} flags without {@code --}, e.g. {@code port → 8081}
     * @throws ConfigException naming the key and source of the first wrong value
     */
    public static Loaded load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<Setting, String> raw = new EnumMap<>(Setting.class);
        Map<Setting, Source> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            raw.put(s, s.defaultText());
            sources.put(s, Source.DEFAULT);
        }
        Path configFile = file;
        if (configFile == null && env.get(CONFIG_ENV) != null && !env.get(CONFIG_ENV).isBlank()) configFile = Path.of(env.get(CONFIG_ENV).strip());
        if (configFile != null) readFile(configFile, file != null ? "--config" : CONFIG_ENV, raw, sources);
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (!e.getKey().startsWith("ECOZONE_") || e.getKey().equals(CONFIG_ENV)) continue;
            var s = Setting.byEnv(e.getKey());
            if (s.isEmpty()) {
                warnings.add("未知环境变量 " + e.getKey() + "（已忽略）/ unknown environment variable " + e.getKey() + " (ignored)");
                continue;
            }
            // an empty variable counts as unset, as it always has; lists may be set empty on purpose
            if (e.getValue().isBlank() && s.get().kind != Setting.Kind.LIST) continue;
            raw.put(s.get(), e.getValue());
            sources.put(s.get(), new Source(Source.Kind.ENV, e.getKey()));
        }
        for (Map.Entry<String, String> e : flags.entrySet()) {
            Setting s = Setting.byFlag(e.getKey()).orElseThrow(() -> new ConfigException("未知选项 / unknown option --" + e.getKey()));
            raw.put(s, e.getValue());
            sources.put(s, new Source(Source.Kind.FLAG, e.getKey()));
        }
        Values v = new Values(raw, sources);
        String db = v.string(Setting.DB);
        Path program = programDir();
        Path styles = programAsset(v.path(Setting.STYLES), sources.get(Setting.STYLES), Path.of(""), program, "control_unit.json");
        Path web = programAsset(v.path(Setting.WEB), sources.get(Setting.WEB), Path.of(""), program, "index.html");
        if (!Files.isDirectory(web)) {
            warnings.add("找不到地图网页目录 " + web.toAbsolutePath() + "，/map/ 将返回 404（用 --web 指定）/ web map folder not found: "
                    + web.toAbsolutePath() + " — /map/ answers 404 (set it with --web)");
        }
        EcoZoneConfig.Server server = new EcoZoneConfig.Server(v.integer(Setting.PORT), v.path(Setting.LAYERS), styles,
                web, db, db == null ? Mode.EMBEDDED : Mode.POSTGIS, v.number(Setting.MAX_BODY_BYTES), v.path(Setting.JOBS_DIR),
                v.number(Setting.TILE_CACHE_BYTES), v.string(Setting.TIANDITU_KEY), v.string(Setting.SCHEMA));
        EcoZoneConfig.Access access = new EcoZoneConfig.Access(v.list(Setting.TOKENS), v.path(Setting.TOKENS_FILE),
                new LinkedHashSet<>(v.list(Setting.CORS_READ)), new LinkedHashSet<>(v.list(Setting.CORS_WRITE)));
        EcoZoneConfig.Limits limits = new EcoZoneConfig.Limits(v.integer(Setting.MAX_VERTICES), v.integer(Setting.MAX_PAGE_SIZE),
                Duration.ofMillis(v.number(Setting.ANALYSIS_TIMEOUT_MS)), v.integer(Setting.ANALYSIS_WORKERS),
                v.integer(Setting.QUICK_MAX_CANDIDATES), v.number(Setting.QUICK_MAX_ZONE_VERTICES), v.integer(Setting.MAX_CANDIDATES),
                v.number(Setting.MAX_ZONE_VERTICES), v.integer(Setting.MAX_RESULT_ENTRIES), v.integer(Setting.MAX_OVERLAYS));
        EcoZoneConfig.Ops ops = new EcoZoneConfig.Ops(v.bool(Setting.ACCESS_LOG), Duration.ofMillis(v.number(Setting.SHUTDOWN_TIMEOUT_MS)),
                v.integer(Setting.COMPACT_EDITS), v.number(Setting.COMPACT_BYTES), v.string(Setting.PG_DUMP),
                v.bool(Setting.SNAPSHOTS), v.bool(Setting.TILE_WARM_UP), v.integer(Setting.JOB_WARM_UP), v.path(Setting.CJK_FONT));
        return new Loaded(new EcoZoneConfig(server, access, limits, ops), Map.copyOf(sources), configFile, List.copyOf(warnings));
    }

    /**
     * Where a program folder ({@code styles}, {@code web}) is when it was not configured: the default relative path
     * if it exists under the working directory (the repository, as README's command runs it), else the same name
     * beside the program ({@code ecozone.jar}'s folder, then its parent: {@code target/..} in a checkout,
     * {@code /opt/ecozone} in an install), so that {@code java -jar /somewhere/ecozone.jar serve} started from
     * another folder still serves the map. Only a folder holding {@code marker} (a file EcoZone ships in it) is taken
     * there. A configured value is always taken as given.
     */
    static Path programAsset(Path configured, Source source, Path workingDir, Path programDir, String marker) {
        if (configured == null || configured.isAbsolute() || (source != null && source.kind() != Source.Kind.DEFAULT)) return configured;
        if (Files.isDirectory(workingDir.resolve(configured)) || programDir == null) return configured;
        for (Path base : new Path[] {programDir, programDir.getParent()}) {
            if (base != null && Files.isRegularFile(base.resolve(configured).resolve(marker))) return base.resolve(configured);
        }
        return configured;
    }

    /** The folder holding the running jar (or the classes folder, in a build), or null when unknown. */
    static Path programDir() {
        try {
            var code = ConfigLoader.class.getProtectionDomain().getCodeSource();
            if (code == null) return null;
            Path p = Path.of(code.getLocation().toURI()).toAbsolutePath().normalize();
            return p.getParent(); // target/ecozone.jar and target/classes alike: target
        } catch (Exception e) {
            return null;
        }
    }

    private static final Pattern SECTION = Pattern.compile("\\[\\s*([a-z0-9-]+)\\s*]");

    /** {@code key = value} lines, {@code #} comments, {@code [section]} headers prefixing the keys below them. */
    private static void readFile(Path file, String how, Map<Setting, String> raw, Map<Setting, Source> sources) {
        List<String> lines;
        try {
            lines = Arrays.asList(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString().split("\r?\n", -1));
        } catch (NoSuchFileException e) {
            throw new ConfigException("找不到配置文件 " + file + "（" + how + "）/ config file not found: " + file + " (" + how + ")");
        } catch (CharacterCodingException e) {
            throw new ConfigException("配置文件 " + file + " 不是 UTF-8 文本 / config file is not UTF-8 text: " + file);
        } catch (IOException e) {
            throw new ConfigException("无法读取配置文件 " + file + " / cannot read config file " + file + ": " + e.getMessage(), e);
        }
        String section = "";
        Set<Setting> seen = EnumSet.noneOf(Setting.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                section = m.group(1);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigException("配置文件 " + where + "：应为 键 = 值 / " + where + ": expected key = value, got \"" + line + "\"");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String full = section.isEmpty() ? key : section + "." + key;
            Setting s = Setting.byKey(full).orElseThrow(() -> new ConfigException("配置文件 " + where + "：未知配置项 \"" + full
                    + "\" / " + where + ": unknown key \"" + full + "\"" + suggestion(full)));
            if (!seen.add(s)) {
                throw new ConfigException("配置文件 " + where + "：配置项 " + full + " 重复 / " + where + ": key " + full + " given twice");
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            raw.put(s, value.isEmpty() && s.kind != Setting.Kind.LIST ? null : value);
            sources.put(s, new Source(Source.Kind.FILE, where));
        }
    }

    /** The keys of the same section (or all), so a typo is easy to fix. */
    private static String suggestion(String key) {
        String section = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : "";
        Set<String> near = new TreeSet<>();
        for (Setting s : Setting.values()) if (!section.isEmpty() && s.key.startsWith(section)) near.add(s.key);
        if (near.isEmpty()) for (Setting s : Setting.values()) near.add(s.key);
        return "; 可用 known: " + near;
    }

    /** The raw texts with their sources, checked as they are read. */
    private record Values(Map<Setting, String> raw, Map<Setting, Source> sources) {
        private String where(Setting s) {
            return sources.get(s).toString();
        }

        long number(Setting s) {
            String v = raw.get(s);
            if (v == null || v.isBlank()) {
                throw new ConfigException("配置项 " + s.key + " 需要一个值（来源：" + where(s) + "）/ " + s.key + " needs a value (from " + where(s) + ")");
            }
            long n;
            try {
                n = Long.parseLong(v.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ConfigException("配置项 " + s.key + " 应为整数（来源：" + where(s) + "）：\"" + v + "\" / " + s.key
                        + " must be a whole number (from " + where(s) + "): \"" + v + "\"");
            }
            if (n < s.min || n > s.max) {
                String range = s.max == Long.MAX_VALUE || s.max == Integer.MAX_VALUE ? "应不小于 " + s.min : "应在 " + s.min + " 到 " + s.max + " 之间";
                String rangeEn = s.max == Long.MAX_VALUE || s.max == Integer.MAX_VALUE ? "must be at least " + s.min
                        : "must be between " + s.min + " and " + s.max;
                throw new ConfigException("配置项 " + s.key + " " + range + "（来源：" + where(s) + "）：" + n + " / " + s.key + " " + rangeEn
                        + " (from " + where(s) + "): " + n);
            }
            return n;
        }

        int integer(Setting s) {
            return Math.toIntExact(number(s));
        }

        boolean bool(Setting s) {
            String v = raw.get(s) == null ? "" : raw.get(s).strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "on", "true", "yes", "1" -> true;
                case "off", "false", "no", "0" -> false;
                default -> throw new ConfigException("配置项 " + s.key + " 应为 on 或 off（来源：" + where(s) + "）：\"" + raw.get(s) + "\" / "
                        + s.key + " must be on or off (from " + where(s) + "): \"" + raw.get(s) + "\"");
            };
        }

        String string(Setting s) {
            String v = raw.get(s);
            if (v == null || v.isBlank()) return null;
            v = v.strip();
            if (s.kind == Setting.Kind.DB_URL && !v.startsWith("jdbc:postgresql://")) {
                throw new ConfigException("配置项 " + s.key + " 应为 jdbc:postgresql://… 地址（来源：" + where(s) + "）/ " + s.key
                        + " must be a jdbc:postgresql:// URL (from " + where(s) + "): \"" + mask(s, v) + "\"");
            }
            if (s.kind == Setting.Kind.SCHEMA) {
                try {
                    PgSchema.of(v);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("配置项 " + s.key + "（来源：" + where(s) + "）/ " + s.key + " (from " + where(s) + "): " + e.getMessage());
                }
            }
            return v;
        }

        Path path(Setting s) {
            String v = string(s);
            try {
                return v == null ? null : Path.of(v);
            } catch (InvalidPathException e) {
                throw new ConfigException("配置项 " + s.key + " 不是有效路径（来源：" + where(s) + "）/ " + s.key + " is not a valid path (from "
                        + where(s) + "): \"" + v + "\"");
            }
        }

        List<String> list(Setting s) {
            String v = raw.get(s);
            if (v == null) return List.of();
            return Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        }
    }

    /** The value of a setting in a configuration, as a file would hold it (unmasked). */
    static String text(Setting s, EcoZoneConfig c) {
        var sv = c.server();
        var a = c.access();
        var l = c.limits();
        var o = c.ops();
        Object v = switch (s) {
            case PORT -> sv.port();
            case LAYERS -> sv.layers();
            case STYLES -> sv.styles();
            case WEB -> sv.web();
            case DB -> sv.db();
            case SCHEMA -> sv.schema();
            case MAX_BODY_BYTES -> sv.maxBodyBytes();
            case JOBS_DIR -> sv.jobsDir();
            case TILE_CACHE_BYTES -> sv.tileCacheBytes();
            case TIANDITU_KEY -> sv.tiandituKey();
            case TOKENS -> String.join(",", a.tokens());
            case TOKENS_FILE -> a.tokensFile();
            case CORS_READ -> String.join(",", new TreeSet<>(a.corsRead()));
            case CORS_WRITE -> String.join(",", new TreeSet<>(a.corsWrite()));
            case MAX_VERTICES -> l.maxVertices();
            case MAX_PAGE_SIZE -> l.maxPageSize();
            case ANALYSIS_TIMEOUT_MS -> l.analysisTimeout().toMillis();
            case ANALYSIS_WORKERS -> l.analysisWorkers();
            case QUICK_MAX_CANDIDATES -> l.quickMaxCandidates();
            case QUICK_MAX_ZONE_VERTICES -> l.quickMaxZoneVertices();
            case MAX_CANDIDATES -> l.maxCandidates();
            case MAX_ZONE_VERTICES -> l.maxZoneVertices();
            case MAX_RESULT_ENTRIES -> l.maxResultEntries();
            case MAX_OVERLAYS -> l.maxOverlays();
            case ACCESS_LOG -> o.accessLog() ? "on" : "off";
            case SHUTDOWN_TIMEOUT_MS -> o.shutdownTimeout().toMillis();
            case COMPACT_EDITS -> o.compactEdits();
            case COMPACT_BYTES -> o.compactBytes();
            case PG_DUMP -> o.pgDump();
            case SNAPSHOTS -> o.snapshots() ? "on" : "off";
            case TILE_WARM_UP -> o.tileWarmUp() ? "on" : "off";
            case JOB_WARM_UP -> String.valueOf(o.jobWarmUpSites());
            case CJK_FONT -> o.cjkFont();
        };
        return v == null ? "" : v.toString();
    }

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    /** A value fit to print: secrets as {@code ****} (how many tokens, not which), the password in a database URL hidden. */
    public static String masked(Setting s, String value) {
        if (value == null || value.isEmpty()) return value == null ? "" : value;
        return mask(s, value);
    }

    private static String mask(Setting s, String value) {
        if (s.kind == Setting.Kind.DB_URL) {
            return URL_USERINFO.matcher(URL_PASSWORD.matcher(value).replaceAll("$1****")).replaceAll("$1****@");
        }
        if (!s.secret) return value;
        if (s.kind == Setting.Kind.LIST) {
            long n = Arrays.stream(value.split(",")).filter(x -> !x.isBlank()).count();
            return "**** (" + n + " 项 entries)";
        }
        return "****";
    }

    /** The keys of every setting (for messages and docs). */
    public static String keys() {
        return Arrays.stream(Setting.values()).map(s -> s.key).collect(Collectors.joining(", "));
    }
}
