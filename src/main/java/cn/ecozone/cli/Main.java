package cn.ecozone.cli;

import cn.ecozone.layer.CatalogException;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code java -jar ecozone.jar COMMAND [options]}: the EcoZone command line. */
public final class Main {
    private Main() {}

    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.of(new ServeCommand(), new ValidateCommand(), new CheckCommand(), new MeasureCommand(), new ImportCommand(),
                new AccessListCommand(), new CompactCommand(), BackupCommand.backup(), BackupCommand.restore())) m.put(c.name(), c);
        return m;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(usage(commands));
            return args.length == 0 ? 2 : 0;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("未知命令 / unknown command: " + args[0]);
            err.println(usage(commands));
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.println(c.help());
            return 0;
        }
        try {
            return c.run(rest, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(c.help());
            return 2;
        } catch (CatalogException e) {
            err.println("图层目录有误 / catalog problem: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("失败 / failed: " + e.getMessage());
            return 1;
        }
    }

    private static String usage(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder("EcoZone 生态环境分区管控 — 用法 usage: java -jar target/ecozone.jar COMMAND [options]\n\n命令 commands:\n");
        commands.values().forEach(c -> sb.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        sb.append("\n每个命令加 --help 查看说明 / COMMAND --help for details.");
        return sb.toString();
    }
}
