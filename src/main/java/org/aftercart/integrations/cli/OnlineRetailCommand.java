package org.aftercart.integrations.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aftercart.integrations.OnlineRetailImport;
import org.aftercart.integrations.OnlineRetailReport;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code import online-retail <file>}: the UCI Online Retail CSV, gzip-compressed or not. */
@Command(
        name = "online-retail",
        description = "Imports the UCI Online Retail file (CSV, optionally .gz) as historical orders.",
        mixinStandardHelpOptions = true)
public class OnlineRetailCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;

    @ParentCommand
    ImportCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<file>", description = "the file, e.g. online_retail_2010-2011.csv.gz")
    Path file;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("Cannot read " + file.toAbsolutePath() + ": no such readable file");
            return BAD_ARGUMENTS;
        }
        SpringApplication application = new SpringApplication(parent.application);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        // The command prints its own progress and report. The application's start-up warnings are
        // about serving requests (link secrets, the Shopify secret, the SMTP server), not about an
        // import, so only errors are logged.
        application.setDefaultProperties(Map.of("logging.level.root", "error"));
        try (ConfigurableApplicationContext context = application.run(parent.applicationArgs)) {
            OnlineRetailReport report = importFile(context.getBean(OnlineRetailImport.class), err);
            spec.commandLine().getOut().print(report.format());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (RuntimeException | IOException e) {
            err.println("Import failed: " + rootMessage(e));
            return FAILED;
        }
    }

    private OnlineRetailReport importFile(OnlineRetailImport importer, PrintWriter err) throws IOException {
        try (ReadProgress data = ReadProgress.open(file)) {
            return importer.importFrom(data, phase -> {
                data.done();
                err.println(phase + " ...");
                err.flush();
            });
        }
    }

    /**
     * What went wrong, at the bottom: an unreachable database, say, arrives wrapped in a chain of
     * bean-creation errors whose messages would bury it. The deepest exception of a library (the
     * driver's "Connection to localhost:5432 refused") says more than the JDK's under it
     * ("Connection refused").
     */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        Throwable deepestOfALibrary = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            root = cause;
            if (!cause.getClass().getName().startsWith("java.")) {
                deepestOfALibrary = cause;
            }
        }
        Throwable telling = deepestOfALibrary != null ? deepestOfALibrary : root;
        return String.valueOf(telling.getMessage());
    }
}
