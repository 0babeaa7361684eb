package cn.ecozone.cli;

import cn.ecozone.app.UseCaseException;

import java.util.function.Supplier;

/** The command line's side of a use case's errors: a bad option is a usage error (exit code 2). */
final class UseCaseErrors {
    private UseCaseErrors() {}

    /** Parses an option through a use case; a bad option ({@link UseCaseException#badOption()}) becomes a {@link UsageException}. */
    static <T> T option(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (UseCaseException e) {
            if (e.badOption()) throw new UsageException(e.getMessage());
            throw e;
        }
    }
}
