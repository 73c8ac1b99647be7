package org.xietong.gateway.docs;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The merged document as the build knows it, for the clients generated from it (module clients): the services'
 * documents stored at build time (quarkus.smallrye-openapi.store-schema-directory), merged as the gateway merges
 * them at /openapi. Arguments: the output file, the realm URL, then one {@code service=prefix=document} each.
 */
public final class BuiltApiDocument {

    private BuiltApiDocument() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: OUT REALM_URL service=prefix=document.json ...");
        }
        ObjectMapper json = new ObjectMapper();
        List<OpenApiMerger.ServiceDocument> documents = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split("=", 3);
            documents.add(new OpenApiMerger.ServiceDocument(parts[0], parts[1], json.readTree(Path.of(parts[2]).toFile())));
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(),
                new OpenApiMerger(Optional.of(args[1])).merge(documents, List.of()));
    }
}
