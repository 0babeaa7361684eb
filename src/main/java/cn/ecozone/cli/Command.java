package cn.ecozone.cli;

import java.io.PrintStream;

/** One CLI command ({@code serve}, {@code validate} …). */
public interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help text for {@code COMMAND --help}. */
    String help();

    /** Runs the command; returns the process exit code (0 ok, 1 failure, 2 usage). */
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
