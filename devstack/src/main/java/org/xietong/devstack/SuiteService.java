package org.xietong.devstack;

/** The four Quarkus applications of the suite, in start order. */
public enum SuiteService {
    PAIRING("pairing-service", 8081, "pairing", "/api/v1/pairing"),
    ROTATION("rotation-service", 8082, "rotation", "/api/v1/rotation"),
    HEALTHCARE("healthcare-link-service", 8083, "healthcare", "/api/v1/healthcare"),
    GATEWAY("gateway", 8080, null, null);

    private final String module;
    private final int basePort;
    private final String database;
    private final String apiPrefix;

    SuiteService(String module, int basePort, String database, String apiPrefix) {
        this.module = module;
        this.basePort = basePort;
        this.database = database;
        this.apiPrefix = apiPrefix;
    }

    public String module() {
        return module;
    }

    public int basePort() {
        return basePort;
    }

    /** The service's own database and its owner role; null for the gateway, which has none. */
    public String database() {
        return database;
    }

    public String apiPrefix() {
        return apiPrefix;
    }
}
