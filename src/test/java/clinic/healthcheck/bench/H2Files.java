package clinic.healthcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The embedded H2 file database, as the service runs it by default: one file per database. */
final class H2Files extends BenchDatabase {

    /** The settings of the service's default H2 URL in application.yaml, but its shared port. */
    private static final String SETTINGS = ";CACHE_SIZE=131072";

    private final Path dir;
    private int run;

    H2Files(BenchOptions options) throws IOException {
        super(options);
        this.dir = Files.createDirectories(options.workDir().resolve("h2"));
    }

    @Override
    String name() {
        return "h2";
    }

    @Override
    void prepareTemplate(Workload workload, Importer importer) throws Exception {
        Path template = file(templateKey(workload));
        if (Files.exists(template)) {
            return;
        }
        String building = templateKey(workload) + "-importing";
        Files.deleteIfExists(file(building));
        importer.importInto(connection(building));
        Files.move(file(building), template);
    }

    /**
     * A new file name for every run: H2 keeps a database open inside the JVM for a moment after its
     * last connection closed, and a run must never find the one before it under its name.
     */
    @Override
    Connection copyOfTemplate(Workload workload) throws IOException {
        if (run > 0) {
            Files.deleteIfExists(file("run-" + run));
            Files.deleteIfExists(dir.resolve("run-" + run + ".trace.db"));
        }
        run++;
        Files.copy(
                file(templateKey(workload)),
                file("run-" + run),
                StandardCopyOption.REPLACE_EXISTING);
        return connection("run-" + run);
    }

    @Override
    public void close() {
        // nothing runs: the service opened the files itself and has closed them
    }

    private Path file(String database) {
        return dir.resolve(database + ".mv.db");
    }

    private Connection connection(String database) {
        return new Connection("jdbc:h2:file:" + dir.resolve(database) + SETTINGS, "sa", "");
    }
}
