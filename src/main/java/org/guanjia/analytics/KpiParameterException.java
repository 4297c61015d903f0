package org.guanjia.analytics;

/** A KPI request parameter is missing or wrong; the message names it. */
public class KpiParameterException extends RuntimeException {

    private final String parameter;

    public KpiParameterException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    /** The parameter's name as the API spells it (the CLI option is "--" + name). */
    public String parameter() {
        return parameter;
    }
}
