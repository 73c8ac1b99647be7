package org.xietong.platform.security;

/** Who made a change: a user or client from its token, or the service itself (an event consumer). */
public record Actor(String subject, String name, String clientId) {

    public static Actor system(String component) {
        return new Actor("system", component, null);
    }
}
