package org.guanjia.dashboard;

/** A value a filter may take: code, name and the code of its parent (estate, cluster) or null. */
public record FilterChoice(String code, String name, String parent) {

    public String label() {
        return name == null || name.equals(code) ? code : code + " " + name;
    }
}
