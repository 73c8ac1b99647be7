package org.xietong.devstack.test;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.xietong.devstack.DemoAccounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like the xietong realm's (realm roles under realm_access, region_code and the other user
 * attributes as claims), signed by a key that exists only for tests.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test.xietong/realms/xietong";
    /** The audience the realm maps onto the clients that may call the API, and that the applications require. */
    public static final String AUDIENCE = "xietong-api";
    private static final String KEY_DIR = "/org/xietong/devstack/test/";

    private final String subject;
    private final List<String> roles;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String clientId = "xietong-cli";
    private String issuer = ISSUER;
    private List<String> audiences = List.of(AUDIENCE);
    private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(30));

    private TestTokens(String subject, List<String> roles) {
        this.subject = subject;
        this.roles = roles;
    }

    /**
     * A demo partner system's token as the demo realm defines the client (deploy/keycloak/xietong-realm.json): its
     * service account's roles (partner-system and the purposes it was granted), its region and its client id.
     */
    public static TestTokens demoPartner(String clientId) {
        DemoAccounts.Partner partner = demoAccounts().partners().stream().filter(p -> p.clientId().equals(clientId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no partner client " + clientId));
        return new TestTokens("service-account-" + clientId, partner.roles()).region(partner.regionCode())
                .client(clientId);
    }

    private static DemoAccounts demoAccounts() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path realm = dir.resolve("deploy/keycloak/xietong-realm.json");
            if (Files.isRegularFile(realm)) {
                try {
                    return DemoAccounts.read(realm);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("deploy/keycloak/xietong-realm.json not found above " + Path.of("").toAbsolutePath());
    }

    /** A token for a user name with realm roles; add claims with the methods below. */
    public static TestTokens user(String username, String... roles) {
        return new TestTokens(username, List.of(roles));
    }

    public TestTokens region(String regionCode) {
        claims.put("region_code", regionCode);
        return this;
    }

    public TestTokens school(String schoolCode) {
        claims.put("school_code", schoolCode);
        return this;
    }

    public TestTokens institution(String institutionCode) {
        claims.put("institution_code", institutionCode);
        return this;
    }

    public TestTokens teacher(String teacherId) {
        claims.put("teacher_id", teacherId);
        return this;
    }

    public TestTokens client(String azp) {
        this.clientId = azp;
        return this;
    }

    /** Replaces the audience (aud); none makes a token without one, as a client without the audience mapper gets. */
    public TestTokens audience(String... audiences) {
        this.audiences = List.of(audiences);
        return this;
    }

    /** A token of another issuer than the one the applications trust (same signing key). */
    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestTokens expiredAgo(Duration ago) {
        this.expiresAt = Instant.now().minus(ago);
        return this;
    }

    public String sign() {
        JwtClaimsBuilder builder = Jwt.issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8)).toString())
                .claim("preferred_username", subject)
                .claim("azp", clientId)
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(expiresAt.minus(Duration.ofMinutes(30)))
                .expiresAt(expiresAt);
        if (!audiences.isEmpty()) {
            builder.audience(new java.util.LinkedHashSet<>(audiences));
        }
        claims.forEach(builder::claim);
        return builder.jws().keyId("xietong-test").sign(privateKey());
    }

    /** The verification key as quarkus.oidc.public-key expects it: base64 of the DER encoding. */
    public static String publicKeyBase64() {
        return pemBody(read("test-signing-key.pub.pem"));
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody(read("test-signing-key.pem")));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String read(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream(KEY_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
