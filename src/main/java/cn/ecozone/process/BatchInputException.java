package cn.ecozone.process;

/** The batch file as a whole cannot be read (not a single row): a 400, or exit code 1 in the CLI. */
public class BatchInputException extends RuntimeException {
    public BatchInputException(String message) {
        super(message);
    }
}
