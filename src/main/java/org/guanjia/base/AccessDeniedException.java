package org.guanjia.base;

/** A user tried to read or change something outside their role or clusters. */
public class AccessDeniedException extends org.springframework.security.access.AccessDeniedException {

    private final String messageKey;
    private final transient Object[] args;

    public AccessDeniedException(String messageKey, Object... args) {
        super(messageKey + " " + java.util.Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
