package org.primarypipeline.core.priority;

/** How a progressive would take a seat. */
public enum Path {
    PRIMARY_CHALLENGE("primary challenge to a sitting Democrat"),
    OPEN_DEMOCRATIC_SEAT("open Democratic seat"),
    FLIP_REPUBLICAN_SEAT("flip a Republican seat"),
    INDEPENDENT("independent/third candidate");

    private final String label;

    Path(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the candidate must first win a Democratic primary. */
    public boolean throughDemocraticPrimary() {
        return this != INDEPENDENT;
    }
}
