package cn.ecozone.process;

import cn.ecozone.error.EcoZoneException;

/** The batch file as a whole cannot be read (not a single row): a 400, or exit code 1 in the CLI. */
public class BatchInputException extends EcoZoneException {
    public BatchInputException(String message) {
        super(Kind.BAD_INPUT, message);
    }
}
