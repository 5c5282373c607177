package clinic.healthcheck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A database server for the benchmark. Importing a workload takes minutes, so each workload is
 * imported once into a template, and every run works on a fresh copy of it.
 */
abstract class BenchDatabase implements AutoCloseable {

    private final BenchOptions options;

    BenchDatabase(BenchOptions options) {
        this.options = options;
    }

    /** How the service reaches one database. */
    record Connection(String url, String user, String password) {}

    /** Imports a workload into an empty database. */
    interface Importer {
        void importInto(Connection database) throws Exception;
    }

    abstract String name();

    /** The imported workload, made with {@code importer} unless an earlier run left it. */
    abstract void prepareTemplate(Workload workload, Importer importer) throws Exception;

    /** A fresh copy of the template, replacing the previous run's. */
    abstract Connection copyOfTemplate(Workload workload) throws Exception;

    @Override
    public abstract void close() throws Exception;

    static BenchDatabase start(String name, BenchOptions options) throws IOException {
        return name.equals("h2") ? new H2Files(options) : PostgresServer.start(options);
    }

    /**
     * Names a template after the workload and after everything the import writes with: the models,
     * the migrations and the settings. A change to any of them makes a new template.
     */
    String templateKey(Workload workload) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(workload.roster()));
            digest.update(Files.readAllBytes(workload.requests()));
            digest.update(String.join("\n", options.settings()).getBytes(StandardCharsets.UTF_8));
            for (Path folder :
                    List.of(
                            Path.of("bpmn"),
                            Path.of("dmn"),
                            Path.of("src", "main", "resources", "db", "migration"))) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            return workload.size().toLowerCase() + "_" + hash;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
