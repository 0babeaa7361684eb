package cn.ecozone.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line words after the command name: {@code --key value}, {@code --flag}, and positional words. */
public final class Args {
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /** @param flagNames options that take no value (e.g. {@code help}) */
    public Args(String[] words, Set<String> flagNames) {
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("-h")) {
                flags.add("help");
            } else if (w.startsWith("--")) {
                String name = w.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (flagNames.contains(name)) {
                    flags.add(name);
                } else if (i + 1 < words.length) {
                    options.put(name, words[++i]);
                } else {
                    throw new UsageException("选项 --" + name + " 需要一个值 / option --" + name + " needs a value");
                }
            } else {
                positional.add(w);
            }
        }
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public String get(String name) {
        return options.get(name);
    }

    public int getInt(String name, int fallback) {
        String v = options.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " 应为整数 / must be a whole number: " + v);
        }
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public List<String> positional() {
        return positional;
    }

    /** Fails on options the command does not know, so typos are not silently ignored. */
    public void allowOnly(Set<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) throw new UsageException("未知选项 / unknown option --" + k);
        }
    }
}
