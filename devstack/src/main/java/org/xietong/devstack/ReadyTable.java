package org.xietong.devstack;

import java.time.Duration;
import java.util.Locale;

/** The one table `./xietong up` prints when everything is ready. */
final class ReadyTable {

    private ReadyTable() {
    }

    static String render(DevStack stack, DemoAccounts accounts, Duration ready) {
        StackConfig c = stack.config();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nXietong (协同) is up — ready in %.1f s. Ctrl-C stops everything; data stays in %s%n%n",
                ready.toMillis() / 1000.0, c.home()));
        row(t, "WHAT", "URL", "API DOCS");
        row(t, "gateway (public entry)", c.url(SuiteService.GATEWAY) + "/api/v1/…",
                c.url(SuiteService.GATEWAY) + "/q/swagger-ui (the whole suite; log in with a demo account)");
        for (SuiteService s : SuiteService.values()) {
            if (s.apiPrefix() != null) {
                row(t, s.module(), c.url(s) + s.apiPrefix(), c.url(s) + "/q/swagger-ui");
            }
        }
        row(t, "Keycloak (admin / admin)", stack.keycloak().baseUrl() + "/admin", "realm: xietong");
        row(t, "PostgreSQL", "localhost:" + c.postgresPort(), "databases pairing, rotation, healthcare");
        row(t, "Kafka (KRaft)", stack.kafka().bootstrapServers(), "topics xietong.<area>.events");
        t.append(String.format("%nDemo accounts — DEMO ONLY, the password is the user name:%n"));
        for (DemoAccounts.User u : accounts.users()) {
            t.append(String.format(Locale.ROOT, "  %-22s %-18s region %-7s %s%n", u.username(),
                    String.join(",", u.roles()), u.regionCode().isEmpty() ? "-" : u.regionCode(), u.name()));
        }
        for (DemoAccounts.Partner p : accounts.partners()) {
            t.append(String.format(Locale.ROOT, "  %-22s %-18s region %-7s client credentials, secret %s%n",
                    p.clientId(), "partner-system", p.regionCode(), p.secret()));
        }
        String user = "edu-chaoyang";
        t.append(String.format("%nGet a token and call the suite through the gateway:%n"));
        t.append(String.format("  TOKEN=$(curl -s -d grant_type=password -d client_id=%s -d username=%s -d password=%s \\%n"
                        + "      %s/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')%n",
                TokenClient.CLI_CLIENT, user, user, stack.keycloak().issuer()));
        t.append(String.format("  # or simply: TOKEN=$(./xietong token %s)%n", user));
        t.append(String.format("  curl -H \"Authorization: Bearer $TOKEN\" %s/api/v1/pairing/schools%n", c.url(SuiteService.GATEWAY)));
        t.append(String.format("Logs: %s%n", c.logs()));
        return t.toString();
    }

    private static void row(StringBuilder t, String what, String url, String docs) {
        t.append(String.format(Locale.ROOT, "  %-26s %-44s %s%n", what, url, docs));
    }
}
