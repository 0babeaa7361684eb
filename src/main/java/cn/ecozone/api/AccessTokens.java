package cn.ecozone.api;

import cn.ecozone.config.EcoZoneConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens and their roles, from configuration, never from the repository. Each entry is
 * {@code token:role:name} — role {@code forester} (edits editable layers) or {@code admin} (everything, incl.
 * reloading layers); name is who is recorded in the history. Sources: the setting {@code access.tokens} (entries
 * separated by commas; env {@code ECOZONE_TOKENS}) and the file named by {@code access.tokens-file} (env
 * {@code ECOZONE_TOKENS_FILE} or {@code serve --tokens FILE}; one entry per line, {@code #} comments). Reading needs
 * no token.
 * Tokens are kept only as SHA-256 hashes, so a lookup takes the same time whatever the guess.
 */
public final class AccessTokens {
    public static final Set<String> ROLES = Set.of("forester", "admin");
    public static final int MIN_TOKEN_LENGTH = 12;

    /** Someone holding a valid token. */
    public record Principal(String name, String role) {
        /** admin may do everything a forester may. */
        public boolean has(String needed) {
            return role.equals(needed) || role.equals("admin");
        }
    }

    private final Map<String, Principal> byHash;

    private AccessTokens(Map<String, Principal> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    public static AccessTokens none() {
        return new AccessTokens(Map.of());
    }

    /**
     * The tokens configured by {@code access.tokens} (inline entries) and {@code access.tokens-file}; the labels name
     * where each came from in error messages.
     *
     * @throws IllegalArgumentException naming the source and entry when an entry is malformed
     * @throws UncheckedIOException when the file cannot be read
     */
    public static AccessTokens of(EcoZoneConfig.Access access, String inlineLabel) {
        AccessTokens inline = parse(access.tokens(), inlineLabel);
        return access.tokensFile() == null ? inline : inline.and(fromFile(access.tokensFile()));
    }

    public static AccessTokens fromFile(Path file) {
        return parse(lines(file), file.toString());
    }

    /** This set plus another's entries. */
    public AccessTokens and(AccessTokens other) {
        Map<String, Principal> m = new HashMap<>(byHash);
        m.putAll(other.byHash);
        return new AccessTokens(m);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取令牌文件 / cannot read tokens file " + file, e);
        }
    }

    /** @throws IllegalArgumentException naming the source and entry when an entry is malformed */
    public static AccessTokens parse(List<String> entries, String source) {
        Map<String, Principal> m = new HashMap<>();
        int n = 0;
        for (String raw : entries) {
            n++;
            String e = raw.strip();
            if (e.isEmpty() || e.startsWith("#")) continue;
            String[] parts = e.split(":", 3);
            if (parts.length < 2 || !ROLES.contains(parts[1].strip()) || parts[0].strip().length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException(source + " 第 " + n + " 项格式应为 令牌:角色:姓名（角色 forester 或 admin，令牌至少 "
                        + MIN_TOKEN_LENGTH + " 个字符）/ entry " + n + " must be token:role:name, role forester|admin, token ≥ "
                        + MIN_TOKEN_LENGTH + " characters");
            }
            String name = parts.length == 3 && !parts[2].isBlank() ? parts[2].strip() : parts[1].strip();
            m.put(hash(parts[0].strip()), new Principal(name, parts[1].strip()));
        }
        return new AccessTokens(m);
    }

    /**
     * The holder of the request's Bearer token, who must have {@code role}: otherwise 401 (no or unknown token, with
     * {@code WWW-Authenticate}) or 403 (the wrong role), as problem JSON.
     */
    public Principal authorize(Context ctx, String role) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"EcoZone\"");
            throw new ApiProblem(401, "需要登录 Unauthorized", "修改数据需要令牌：请在请求头中加入 Authorization: Bearer <令牌> / "
                    + "editing needs a token: send Authorization: Bearer <token>");
        }
        var who = lookup(h.substring(7).strip());
        if (who.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"EcoZone\", error=\"invalid_token\"");
            throw new ApiProblem(401, "需要登录 Unauthorized", "令牌无效或已停用 / the token is not valid");
        }
        if (!who.get().has(role)) {
            throw new ApiProblem(403, "无权限 Forbidden", "用户 " + who.get().name() + "（角色 " + who.get().role() + "）无权执行此操作，需要角色 "
                    + role + " / role " + role + " required");
        }
        return who.get();
    }

    public Optional<Principal> lookup(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byHash.get(hash(token)));
    }

    public int size() {
        return byHash.size();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
