package cn.ecozone.process;

/** Why a process request cannot be served; the routes map {@link Kind} to an HTTP status and OGC exception type. */
public class ProcessException extends RuntimeException {
    public enum Kind {
        NO_SUCH_PROCESS("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process"),
        NO_SUCH_JOB("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job"),
        RESULT_NOT_READY("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready"),
        BAD_INPUT(null),
        TOO_LARGE(null),
        JOB_FAILED(null),
        NO_SUCH_OUTPUT(null);

        public final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    private final Kind kind;

    public ProcessException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
